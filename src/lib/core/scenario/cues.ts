// The English cue lexicons of the rule-based scenario classifier, as data: patterns over the
// normalised question and their weights. The decisions that read them live in rules.ts.

/**
 * A cue: a pattern over the normalised text, how much it counts, and whether it names a negation
 * itself ("rash that doesn't fade", "not breathing"), in which case it reads the text with negated
 * words kept rather than blanked.
 */
export type Cue = readonly [pattern: RegExp, weight: number, flags?: CueFlags];

export interface CueFlags {
  /** The cue's own words include a negation, so it is matched against the plain text. */
  readonly selfNegating?: boolean;
  /**
   * The cue is a condition's name ("stroke", "sepsis", "DVT"), which a history mentions as readily
   * as an emergency does: it does not count in a question about the past ("a stroke five years ago").
   */
  readonly names?: boolean;
}

/** Flag for a cue whose pattern contains its own negation. */
export const SELF_NEGATING: CueFlags = { selfNegating: true };
/** Flag for a cue that is a condition's name (see CueFlags.names). */
export const NAMES: CueFlags = { names: true };

// ——— Who is involved ———————————————————————————————————————————————————————————————————

export const FAMILY =
  '(son|daughter|child|children|kid|kids|baby|babies|toddler|infant|newborn|husband|wife|partner|mum|mom|mother|dad|father|' +
  'grandma|grandmother|granny|nan|nana|grandad|grandpa|grandfather|friend|boyfriend|girlfriend|brother|sister|flatmate|' +
  'roommate|aunt|uncle|niece|nephew|parents?|family|neighbour|neighbor|fiance|fiancee|colleague|teenager|twins?|' +
  'little one|little boy|little girl|grandson|granddaughter|stepson|stepdaughter)';

/**
 * Age and sex in shorthand ("81F", "34 m", "72yo"). Not a race run ("collapsed after the 800m", "the 100m
 * sprint"): "m" or "f" after no "the" and before no race word.
 */
export const AGE_SEX = /\b\d{1,3} ?(yo|yom|yof)\b|(?<!\bthe )\b\d{1,3} ?(m|f)\b(?! (sprint|race|run|dash|hurdles|relay|swim|freestyle|breaststroke|backstroke|final|heat|track))/;

/** A real person's situation is described (not a general-knowledge question). */
export const SITUATION: readonly RegExp[] = [
  // The asker, also with the "I" left out ("bad year, keep thinking how easy it would be…").
  /\b(i|im|ive|id|me|my|mine|we|our|us)\b|\b(keep|kept) (thinking|feeling|getting|having|waking|seeing|hearing)\b/,
  /\b(he|she|hes|shes|him|his|her)\b/,
  new RegExp(`\\b(a|the|this|our) ${FAMILY}\\b`),
  new RegExp(`^ ${FAMILY}\\b|\\b${FAMILY} (has|is|was|had|keeps|got|seems|started)\\b`),
  // A caller's relative, or a relative with an age ("Caller's dad, 81, on apixaban").
  new RegExp(`\\b(caller|callers|caller s|patient s|patients) (\\w+ )?${FAMILY}\\b|\\b${FAMILY} \\d{2}\\b`),
  /\b(patient|pt|pts|client|resident|customer|service user)\b/,
  new RegExp(`${AGE_SEX.source}|\\b\\d{1,3} ?y\\b`),
  /\b\d{1,3} (year|yr|month|week|day)s? old\b/,
  // An age in triage shorthand: weeks or days of life before the patient ("10/52 infant", "3/7 old boy").
  /\b\d{1,2} (52|7) (old )?(infant|baby|neonate|boy|girl|son|daughter|male|female|m|f)\b/,
  /\bfor (a|an|my) \d+/,
  /\b(elderly|old|older|young|pregnant|frail) (man|woman|lady|gentleman|patient|boy|girl|child|person)\b|\b(a|an) (man|woman|boy|girl|lady|gentleman|child|teenager) (with|who|presenting|aged|has)\b/,
  // A clinician's note that starts with the patient: "Prison nurse. Man on methadone 80 mg daily…".
  /\b(man|woman|lady|gentleman|boy|girl) (on|taking|prescribed) (\w+ )?\d+ ?(mg|mcg|micrograms|units|ml)\b/,
  // Someone's observations or a time course: "systolic 70", "sats 88", "BP 190 100", "10 min ago, now stridor".
  /\b(bp|systolic|diastolic|sats|spo2|o2 sats|hr|pulse|rr|resp rate|gcs|temp|map|bm|cbg|glucose) (of |is |was |now )?\d/,
  /\b\d+ ?(min|mins|minutes|hr|hrs|hours) ago\b/,
];

/**
 * Something happening now: sudden onset, a time just past, a clinician's observations. A named
 * presentation raises urgency only with one of these (see withPresentationUrgency): "my migraine
 * is back" and "headaches most afternoons" name a presentation without being one now.
 */
export const ACUTE_NOW: readonly RegExp[] = [
  /\b(sudden|suddenly|all of a sudden|out of nowhere|just now|right now|now|tonight|today|this (morning|afternoon|evening)|last night|an hour|half an hour|(the )?(last|past) (hour|few hours|couple of hours|\d+ hours))\b/,
  // A change since yesterday is a new one ("normally chatty… since yesterday afternoon muddled").
  /\bsince yesterday( morning| afternoon| evening| lunchtime| teatime)?\b/,
  // Asking whether it can wait till morning says it is happening now ("Mum asking if she can wait till morning?").
  /\b(wait|waiting|hold on|leave it) (till|until|for|to) (the )?(morning|tomorrow|monday|the gp|own gp|our gp)\b/,
  // A clock time it started at ("since about 3am", "since 7, about 45 min now").
  /\bsince (about |around |roughly )?\d{1,2}( ?(am|pm|ish|o clock))?\b(?! (weeks|months|years|days))/,
  // Still going after what was tried ("6 puffs of ventolin and still wheezing"): happening as the question is typed.
  /\b(and|but) (hes |shes |im |is |he s |she s )?still (wheezing|struggling|bleeding|fitting|vomiting|being sick|breathless|choking|gasping|not breathing|unconscious|floppy)\b/,
  // Minutes counted in words ("for the last forty minutes or so").
  /\b(the )?(last|past) (\d+|few|couple of|ten|fifteen|twenty|thirty|forty|forty five|fifty) (minutes|mins)\b/,
  // Minutes counted as a duration ("a tight band across my chest for about 25 min").
  /\bfor (about |around |roughly |nearly |almost )?(\d+|a few|ten|fifteen|twenty|thirty|forty) ?(min|mins|minutes)\b/,
  /\b\d+ ?(min|mins|minutes|hr|hrs|hours) (ago|now)\b|\b(minutes|hours) ago\b|\b(came on|started|began|woke (up )?with|since (this morning|last night|lunch|breakfast))\b/,
  /\b(bp|systolic|sats|spo2|hr|pulse|rr|gcs|temp|lactate) (of |is |was |now )?\d/,
  // Earlier the same day ("playing with the key fob earlier"), not earlier in a year or a life.
  /\bearlier\b(?! (this|last|in (the|my|his|her)) (year|month|week|life|pregnancy))/,
  // A state told in the present ("her mouth has gone lopsided", "he's grunting", "his ball is killing
  // him after football"): what is happening as the person writes, unless a history says otherwise.
  /\b(has|have|is|are|hes|shes|its|ive|theyve|weve) (just )?(gone|turned|become|collapsed|fainted|passed out)\b|\bis (killing|pouring|gushing|spurting|pumping)\b/,
  /\b(im|i am|hes|shes|he is|she is|theyre|they are) (\w+ ){0,4}(bleeding|fitting|seizing|wheezing|gasping|grunting|slurring|unresponsive|sweating|clammy|vomiting|jerking)\b/,
  // Holding the part that hurts, as the asker watches ("came off the rowing machine holding his chest").
  /\b(holding|clutching|gripping|rubbing) (his|her|my|their) (chest|head|throat|stomach|tummy|side|neck)\b/,
  /\bafter (football|rugby|the game|the match|training|a fall|falling over)\b/,
  // Told as it unfolds: "went pale and is slurring", "halfway through drills".
  /\b(and|but) (is|are) (still )?(bleeding|fitting|seizing|wheezing|gasping|grunting|slurring|unresponsive|shaking|confused)\b|\b(went|has gone|turned) (pale|grey|gray|blue|floppy|limp|clammy)\b/,
  /\b(during|halfway through|in the middle of) (the |a |our |her |his )?(drills|training|practice|game|match|pe|lesson|class|race|run|shift)\b/,
];
/** A time today ("this morning", "tonight", "an hour ago"); a bare "now" is not one ("still drags his leg now"). */
export const TODAY = /\b(today|tonight|this (morning|afternoon|evening)|since (this morning|last night|lunch|breakfast)|last night|an hour ago|hours ago|minutes ago|\d+ ?(min|mins|minutes|hr|hrs|hours) ago)\b/;
/**
 * Happening now beyond doubt: a sudden onset, minutes or hours ago, a clinician's observations. It
 * outweighs a history in the same question ("known angina for years… pain at rest for 40 minutes").
 */
export const STRONG_NOW: readonly RegExp[] = [
  /\b(the )?(last|past) (\d+|few|couple of|ten|fifteen|twenty|thirty|forty|forty five|fifty) (minutes|mins)\b/,
  /\b(sudden|suddenly|all of a sudden|out of nowhere|just now|right now|at the moment|tonight|this (morning|afternoon|evening)|last night)\b/,
  /\b\d+ ?(min|mins|minutes|hr|hrs|hours) (ago|now)\b|\b(minutes|hours) ago\b|\b(came on|woke (up )?with|since (this morning|last night|lunch|breakfast))\b/,
  /\b(bp|systolic|sats|spo2|hr|pulse|rr|gcs|lactate) (of |is |was |now )?\d/,
];
/** Something different this time ("but now", "worse than usual", "not relieved by"): new, whatever the history. */
export const CONTRAST: readonly RegExp[] = [
  /\b(but|and) (now|today|tonight|this time)\b|\bthis time\b|\b(different|worse) (than|from) (usual|normal|before|ever)\b|\bnot like (usual|normal|before|my usual|the others)\b/,
  /\bat rest\b|\bnot (relieved|helping|working|easing|settling)\b|\b(isnt|wont|doesnt|hasnt) (helping|working|easing|settling|stopped|stopping)\b/,
];
/** A past event or a diagnosis given as history ("a stroke five years ago", "diagnosed with a PE in 2019"). */
export const HISTORY: readonly RegExp[] = [
  // Weeks since an operation or a birth are its recovery, not a history ("had my appendix out a week ago, now breathless").
  /\b(\d+|a|a few|several|two|three|four|five|six|seven|eight|nine|ten|many) (years?|yrs?|months?) ago\b|(?<!\b(out|op|operation|surgery|replacement|repair|repaired|section|caesarean|birth|delivery|discharged|removed|hysterectomy|appendicectomy) )\b(\d+|a|a few|several|two|three|four|five|six|seven|eight|nine|ten|many) weeks? ago\b|\b(last|this past) (year|spring|summer|autumn|fall|winter|month)\b|\bin (19|20)\d\d\b/,
  /\bwhen (i|he|she|they|we) (was|were) (about |around )?(\d{1,2}|a teenager|at school|at uni|in school)\b|\b(19|20)\d\d ?ish\b|\bat the age of \d{1,2}\b|\bas a (child|kid|toddler|baby|teenager|teen)\b|\bwhen (i|he|she|they) (was|were) (a )?(child|kid|baby|toddler|little|young|younger)\b/,
  /\b(diagnosed with|history of|hx of|recovering from|recovered from|survivor of|used to|in the past|years back|once before)\b/,
  // A procedure some weeks behind, as clinicians write it ("5/52 post PCI", "post CABG").
  /\b\d+ (52|12|7) (post|after|since)\b|\bpost (pci|cabg|stent|stenting|angioplasty)\b/,
];
/**
 * A past episode that has not come back ("back in 2015… came on in seconds… nothing like it since"):
 * with a history it outweighs the sudden onset it describes, which was then, not now.
 */
export const SETTLED_SINCE = /\b((ive|i have|hes|shes|he has|she has) been ((absolutely|totally|completely|perfectly) )?(fine|ok|okay|well) (ever )?since|nothing like (it|that|this) since|none since|nothing since|never (had|happened|came back|come back)( (it|one|another|anything like it))?( again| since)|not had (one|it|another|anything like it) since|(hasnt|has not|havent|have not) (happened|come back|had (one|it|another)) since)\b/;
/** Asked about what might happen or for training, nobody in it now ("if someone collapses…", "my first aid course"). */
export const HYPOTHETICAL: readonly RegExp[] = [
  /\b(if|when) (someone|somebody|anyone|a person|people|a child|a baby|a patient|you)\b|\bif (my|our|a|his|her) \w+( \w+)? (ever|were to|was to|should)\b|\bwhat (should|do|would|could) (i|we|you) do if\b|\bin case (of|someone|my|he|she)\b/,
  // A trip being planned for someone in one's care ("taking my Year 6 class on a residential trip next month… if he has a reaction").
  /\b(trip|residential|camp|holiday|expedition|tour|visit) (is )?(next|in) (week|month|term|summer|spring|autumn|year|\d+ (weeks|months))\b.*\bif (he|she|they|one|someone|a child|any) (has|have|gets|get|starts|goes)\b/,
  // A scene imagined to learn from ("random one but say I'm on a flight and… just want to know in case it ever happens").
  /\b(random (one|q|question)|out of interest|just curious) (but |so )?(say|lets say|suppose|imagine)\b|\bin case it (ever )?(happens|happened)\b|\bif it ever happens\b/,
  /\bhypothetical(ly)?\b|\bjust in case\b|\bif (i|we) (ever )?(saw|see|found|find|came across|come across|witnessed|witness)\b/,
  // A risk being lowered or weighed ("this tablet cuts my risk of a stroke by a third"): nothing has happened.
  /\b(cuts?|reduces?|lowers?|halves|raises?|increases?|doubles?) (my|your|his|her|the|their) (risk|chance|odds) of\b|\b(risk|chance|odds) of (having |getting )?(a |another )?(stroke|heart attack|clot|blood clot|dvt|seizure|fit)\b/,
  // Preventing something that has not happened ("so I don't end up with heat stroke on race day").
  /\bso (that )?(i|we|he|she|they|you) (dont|do not|wont|will not) (end up|get|develop|catch)\b|\b(how|ways|tips|advice) (do i |can i |should i |to )?(avoid|prevent)\b/,
  /\b(first aid|cpr|bls|resus|life support) (course|class|training|exam|test|certificate)\b|\b(learning|learn|revising|studying for) (cpr|first aid|bls)\b/,
  // A course being studied ("my call handler training course… this week's module is choking").
  /\b(training course|training module|this weeks module|the module|call handler training|my exam|revising for|osce)\b/,
  // An argument over what words mean ("is a heart attack the same thing as a cardiac arrest? settle it"):
  // a definition is asked for, whoever is named in the preamble.
  // ("Who's right?" is also how a worried relative asks about a real fever: it is not enough.)
  /\b(settle (it|this|an argument|the argument|a debate|the debate|a bet|the bet)|(got into|having) (an|a) (argument|debate) (over|about) (dinner|whether|what)|we have a bet)\b/,
];
/** Words that keep a hypothetical question real ("what do I do if he is fitting right now?"). */
export const HAPPENING_AS_ASKED = /\b(right now|just now|at the moment|currently|as we speak|as i type)\b/;

/** A long-standing or recurring problem, or planning ahead: not a presentation happening now. */
export const CHRONIC: readonly RegExp[] = [
  /\bfor (\w+ )?(weeks|months|years)\b|\b(weeks|months|years) ago\b|\blast (year|month)\b|\b(most|every) (day|days|week|morning|mornings|afternoon|afternoons|evening|night|nights)\b/,
  /\b(often|usually|always|regularly|on and off|keeps coming back|comes and goes|again|history of|chronic|long term|prevent|preventing|prepare|preparing)\b/,
];

/**
 * An event that is over, the person recovered ("came round quick and is now sat up chatting",
 * "fully recovered now"): what a first fit or a faint is asked about afterwards (see settledUrgency).
 */
export const SETTLED = /\b(came round|come round|came to|woke up|came back round|came out of it)\b.*\b(now|fine|ok|okay|normal|chatting|talking|sat up|sitting up|himself|herself|alert)\b|\b(now|is|seems|looks) (completely |totally |fully |back to )?(fine|normal|himself|herself|back to normal|ok|okay|alert)( now)?\b|\b(fully|completely) recovered\b|\bback to (his|her) (normal|usual) self\b/;

/** Framing of a general-knowledge question ("what are the symptoms of…", "explain…"). */
export const GENERAL_FRAME: readonly RegExp[] = [
  /^ (what|whats|which|why|how|explain|describe|define|list|tell me|is it true|are there|can you explain|compare)\b/,
  /\b(signs|symptoms|causes|types|stages|risk factors|complications) of\b/,
  /\bdifference between\b/,
];

// ——— Urgency ——————————————————————————————————————————————————————————————————————————

/** Each alone (weight ≥ 3) means a possible threat to life or limb now. */
export const EMERGENT: readonly Cue[] = [
  // Heart and breathing.
  [/\bchest (pain|pains|pressure|tightness|tight|heaviness|discomfort|hurts|hurting)\b|\bchest (feels|is|felt|feeling|went) (tight|heavy|painful|crushed|like)\b|\b(pain|pressure|tightness) in (my|his|her|the) chest\b/, 3],
  [/\bcrushing\b/, 3],
  // Meningitis told by what is seen: a stiff neck with a fever, or light that hurts the eyes with one.
  [/\b(stiff neck|neck (is )?(really |very |so )?stiff)\b.*\b(temp|temperature|fever|feverish|light|confused)\b|\b(temp|temperature|fever)\b.*\b(stiff neck|neck (is )?(really |very |so )?stiff|light hurts|hurts (his|her|my) eyes)\b/, 3],
  // A relative's heart attack at an age ("dad had a heart attack at 62") is family history, not this one;
  // "nearly had a heart attack when I opened my energy bill" and "an actual heart attack over my energy bill" are figures of speech.
  [/\bheart attack\b(?! at \d{2}\b)(?! over (my|the|this|that|our|his|her) (\w+ )?(bill|bills|price|prices|invoice|rent|tax|fees|quote)\b)(?<!\b(nearly|almost) (had|gave me|giving me) a heart attack)(?<!\bgave me a heart attack)(?<!\b(giving|give|gives) (me|her|him|us|them) a heart attack)(?<!\b(dad|dads|mum|mums|father|mother|grandad|grandma|granddad|brother|sister|uncle|aunt|auntie) (had|has had|died of|died from|passed from) a heart attack)|\b(stemi|nstemi|acs)\b/, 3, NAMES],
  // Lay images of a weight on the chest.
  [/\b(elephant|weight|brick|someone|something heavy) (sitting|standing|pressing|sat|stood) on (my|his|her|the) chest\b/, 3],
  [/\b(pain|ache) (spreading|radiating|going|moving|shooting) (to|down|into|up) (my|his|her|the)? ?(left )?(arm|jaw|neck|back)\b/, 3],
  // Chest pain in a dispatcher's or clinician's shorthand ("central CP x40 min radiating L arm, diaphoretic").
  [/\b(central |crushing |cardiac sounding )?(cp|chest pain)\b.{0,40}\b(radiat\w*|going|spreading) (to |into |down )?(the )?(l|left|lt) ?(arm|jaw|shoulder)\b|\bcentral cp\b.{0,40}\b(diaphoretic|sweaty|clammy|grey|gray)\b/, 3],
  // Read in the plain text ("can't breathe" is its own negation), so a denial before it is read here: "no trouble breathing".
  [/(?<!\b(no|not|denies|denied|any|never) )\b(cant|cannot|can not|unable to|struggling to|hard to|difficulty|trouble) (breathe|breathing|catch (my|his|her) breath)\b/, 3, SELF_NEGATING],
  [/\b(gasping|choking|turning blue|blue lips|lips (are |look |looks |turning |went |going |gone |getting )?(a (bit|little) |slightly |quite |really |very )?(blue|grey|gray|purple))\b/, 3],
  [/\b(throat|airway) (is |feels )?(closing|tight|swelling|swollen|closing up)\b|\b(lips|tongue|face|throat) (is |are |has |have |started |starting )?(swelling|swollen|swell|puffing up|blown up)\b/, 3],
  // An adrenaline pen being carried, prescribed or replaced ("do I need to carry an EpiPen?") is no emergency
  // by itself; one being reached for is.
  [/\banaphyla|(?<!\b(carry|carrying|carried|prescribed|prescribe|prescribing|get|getting|order|ordering|spare|expired|replace|replacing|renew) (an |a |the |his |her |my |two |spare )?)(?<!\bneed (an |a )?)\b(epipen|auto ?injector)\b/, 3, NAMES],
  // A chemical in the eye (wet lime plaster, cement, bleach, oven cleaner): an alkali or acid burn, irrigated at
  // once and seen in A&E (Royal College of Ophthalmologists; NICE CKS, red eye).
  [/^(?!.*\b(goggles|stop|prevent|avoid|protect|protection|in case)\b)(?=.*(\b(lime plaster|wet lime|quicklime|wet plaster|plaster|cement|mortar|concrete|bleach|oven cleaner|drain cleaner|caustic|alkali|acid|chemical|chemicals)\b.{0,40}\b(in|into) (my|his|her|their|the|your) (left |right )?eyes?\b|\beyes?\b.{0,20}\b(splash|splashed)\b.{0,20}\b(lime plaster|plaster|cement|bleach|chemical|acid|alkali)\b))/, 3],
  // A sting or allergen with a swelling face or a changed voice.
  [/\b(stung|sting|bee|wasp|peanuts?|nuts?|allerg\w*|shellfish)\b.*\b((lips|face|eyes|tongue) (are |is |look |looks |went |gone )?(puffy|puffed up|swelling|swollen|blown up)|voice (sounds |is |went )?(weird|funny|strange|hoarse|croaky|different))\b/, 3],
  // Cannot swallow saliva, drooling, a muffled voice: the airway is narrowing.
  [/\b(cant|cannot|can not) swallow (my|his|her|their) (own )?(spit|saliva)\b|\bdrooling\b.*\b(muffled|hot potato|cant swallow|breath\w*)\b|\bmuffled voice\b/, 3, SELF_NEGATING],
  // Brain.
  [/\bface (is |has )?(droop|drooping|drooped|dropped|dropping|fallen|lopsided)\b|\b(droop|drooping) (on )?one side\b/, 3],
  [/\b(slurred|slurring|garbled|muddled) (speech|words)\b|\bspeech (is |was )?(slurred|garbled)\b|\bcant (speak|talk|get (his|her|my) words out)\b/, 3],
  [/\b(left|right|one) (arm|leg|hand|side)( of (his|her|my) body)? (is |feels |went |has gone |suddenly )?(weak|numb|heavy|dead|floppy|limp)\b|\b(talking|speaking) (nonsense|gibberish|funny|strangely)\b|\bwords (are |were )?(jumbled|muddled|coming out wrong)\b/, 3],
  [/\bcant (lift|move|raise|feel) (his|her|my|one) (arm|leg|hand|side)\b|\b(weakness|weak|numb|numbness|paralys\w*) (on|in|down) one side\b|\bone side of (his|her|my) (face|body)\b/, 3],
  [/\bworst headache\b|\bthunderclap\b|\bsudden (severe|explosive) headache\b/, 3],
  [/\bheadache\b.*\bworst\b|\bworst\b.*\bheadache\b|\bworst pain of (my|his|her|their) life\b|\bhead (suddenly )?(exploded|exploding|is going to explode)\b/, 3],
  [/\b(unconscious|unresponsive|not responding(?! to)|(wont|cant|cannot) wake(?! (me|us|up (early|in time|on time|in the morning)|early))|wont respond|lost consciousness|knocked out|passed out and)\b/, 3, SELF_NEGATING],
  [/\b(not breathing|stopped breathing|no pulse|cant find a pulse|cant feel a pulse|no heartbeat|cardiac arrest|breathing (strangely|oddly|weirdly|funny|noisily))\b/, 3, SELF_NEGATING],
  [/\bcollapsed\b|\bcollapse\b/, 3],
  // Lay words for collapse, no response and abnormal breathing ("keeled over", "won't answer", "snoring gasp").
  [/\b(keeled|keeling) over\b|\b(slumped|dropped|went down) (over |to the floor|on the floor)\b|\bout cold\b/, 3],
  // A person not answering (not a rash "not responding to cream").
  [/\b(he|she|they|hes|shes|baby|mum|mom|dad) (wont|will not|doesnt|does not|isnt|is not|not|cant) (answer|answering|respond|responding|react|reacting|wake|waking)\b(?! (me|us) up)(?! to (treatment|antibiotics|the|medication|meds|cream|tablets|steroids))/, 3, SELF_NEGATING],
  [/\b(snoring|gasping|rattling|gurgling) (gasp|gasps|breath|breaths|noise|noises|sound|sounds)\b|\bagonal\b|\b(weird|strange|odd) (gasp|gasps|gasping)\b/, 3],
  [/\b(cant|cannot|can not|wont|unable to) (rouse|wake) (him|her|them|my \w+)\b|\bunrousable\b/, 3, SELF_NEGATING],
  // Asthma that the reliever is not touching, or too breathless to talk.
  [/\b(inhaler|puffs|ventolin|salbutamol|reliever)\b( \w+){0,6} (doing nothing|not working|isnt working|not helping|isnt helping|no help|not touching)\b/, 2, SELF_NEGATING],
  [/\b(only|can only|barely) (get|say|manage|speak) (\w+ ){0,3}words\b|\bcant (finish|complete|say) (a |his |her |my )?(full )?sentences?\b/, 3, SELF_NEGATING],
  // Anaphylaxis in lay words: an allergen plus a swelling airway or voice.
  [/\b(allerg\w*|peanuts?|nuts?|shellfish|prawns?|stung|sting|bee|wasp)\b.*\b(hoarse|croaky|tongue (feels |is |has gone )?(thick|swollen|huge|fat|heavy|tingly)|throat (feels )?(tight|closing)|cant swallow)\b/, 3, SELF_NEGATING],
  [/\btongue (feels |is |has gone )?(thick|huge|fat)\b/, 3],
  // Aortic dissection described by its character.
  [/\b(ripping|tearing) (pain|sensation|feeling)\b(?! (\w+ ){0,3}(muscle|ligament|tendon|hamstring))|\b(ripping|tearing)\b.*\b(through to|between) (\w+ ){0,2}(back|shoulder blades)\b/, 3],
  [/\b(arms|legs|body|limbs) (\w+ ){0,2}(jerking|twitching)\b|\b(jerking|twitching) (\w+ ){0,2}(arms|legs|limbs|all over)\b|\beyes (rolled|rolling) (back|up)\b/, 3],
  [/\b(seizing|fitting|convulsing|having a fit)\b/, 3],
  [/\b(seizure|seizures|convulsion|convulsions|status epilepticus)\b/, 3, NAMES],
  [/\b(fitting|seizing|convulsing|seizure|fit|shaking) (\w+ ){0,2}(for|lasting|over) (over |more than |about )?([5-9]|[1-9]\d) ?(min|mins|minutes)\b|\b(wont|will not|hasnt|has not|doesnt) stop (fitting|seizing|shaking|jerking)\b/, 3, SELF_NEGATING],
  // Broken speech and a hand that will not work: stroke in lay words.
  [/\bwords (are |were |came out |coming out )?(all )?(jumbled|muddled|mixed up|wrong|garbled)\b|\b(hand|arm|fingers) (wont|cant|will not|cannot) (grip|hold|work|do what)\b|\b(dropping|dropped) things\b.*\b(one side|left|right|words|speech)\b/, 3, SELF_NEGATING],
  // Mind and poisoning.
  [/\bsuicid|\bkill (myself|himself|herself|themselves)\b|\bend(ing)? (my|his|her|their) (own )?life\b|\b(dont|do not) see the point (anymore|any more|in living|of living|in going on)\b|\b(want|wants|wanted) to die\b/, 3],
  [/\b(tired of living|no point (in )?(living|going on)|(planned|worked out|decided|know) (how|when) (i|to) (would |will |am going to |m going to )?(do it|end it|die))\b|\b(written|wrote|writing) (a |my )?(suicide |goodbye )?(note|letter)s? (to|for) (my|everyone)\b/, 3],
  [/\b(everyone|they|people|my family|my kids) (would be|d be|are) better off\b|\bif i (just )?(disappeared|was gone|were gone|wasnt around|didnt wake up)\b|\b(go to sleep|fall asleep) and (never|not) wake up\b/, 3, SELF_NEGATING],
  [/\bbetter off (without me|if i (wasnt|was not|werent) (here|around|alive))\b|\bways to (do it|die|end it|kill)\b|\bno reason to live\b/, 3, SELF_NEGATING],
  // Carbon monoxide: an alarm or a spilling flue with headaches or sickness, however well the person feels outside.
  [/\b(carbon monoxide|co poisoning|co alarm|co detector|flue (was )?spilling)\b.*\b(headache|headaches|sick|nausea|dizzy|drowsy|confused|collapsed)\b|\b(headache|headaches|dizzy|drowsy)\b.*\b(carbon monoxide|co alarm|co detector)\b/, 3],
  // Hypothermia past shivering: stopped shivering and now slurring, clumsy or confused (the body has stopped defending its heat).
  [/\b(stopped shivering|stops shivering|no longer shivering|hypotherm\w*)\b.*\b(slurr\w*|clumsy|confused|drowsy|stumbling|not making sense)\b|\b(slurr\w*|clumsy|confused|drowsy|stumbling)\b.*\b(stopped shivering|no longer shivering)\b/, 3],
  // Alcohol withdrawal with hallucinations (delirium tremens, or hallucinosis that can precede it): emergency
  // assessment (NICE CG100). A fit "last time" is history.
  [/\b(last drink|stopped drinking|no drink|not had a drink|withdrawal|withdrawing|cold turkey|(drink|drinks|drinking|vodka|alcohol|cans|booze|beer|cider|spirits)\b.{0,80}\b(stopped|quit))\b.*\b(hallucinat\w*|seeing things|insects|bugs|spiders|picking at the air|plucking at)\b|\b(hallucinat\w*|seeing things|insects on the wall|picking at the air)\b.*\b(last drink|stopped drinking|withdrawal|cold turkey)\b/, 3],
  // "Took all of her tablets" is an overdose; "took all of his antibiotics" finished a course.
  [/\boverdose|\btook (too many|too much|a handful|a whole|the whole)\b|\btook all (of )?(my|his|her|the|their)\b(?= (\w+ ){0,3}(pills|tablets|capsules|meds|medication|medicine|paracetamol|tylenol|ibuprofen|sleeping|painkillers|insulin|packet|box|bottle|strip|antidepressants|drugs)\b)(?! (\w+ ){0,2}(course|antibiotics?)\b)/, 3],
  [/\b(took|taken|swallowed|ate|had) (about |around |maybe |like |over |at least |nearly |almost )?([1-9]\d|\d{3}) (\w+ )?(pills|tablets|capsules|paracetamol|tylenol|ibuprofen|aspirin|co codamol|codeine|sleeping pills)\b/, 3],
  [/\b(swallowed|ate|drank|drunk|ingested) (a |an |some |the |his |her |my |\w+s )?(button )?(battery|batteries|magnet|magnets|bleach|pills|tablets|medicine|medication|chemical|detergent|pod|antifreeze|poison|cleaner|sleeping pills)\b/, 3],
  [/\b(chewed|got into|opened)\b (\w+ ){0,4}(packet|blister|bottle|box|pot) (of )?(\w+ )?(tablets|pills|medicine|capsules)?\b|^(?!.*\b(buy|afford|purchase)\b).*\b(packet|blister|bottle) (\w+ ){0,2}(chewed|opened|empty)\b|\b(tablets|pills) (are )?missing\b|\bsome (tablets|pills) (are |were )?(missing|gone)\b/, 3],
  [/\bhandful of\b.*\b(pills|tablets)\b|\bpoison(ed|ing)?\b/, 3],
  // A count of tablets taken at once ("took about 20 of the 500mg paracetamol"), and tablets put by to take together.
  [/\b(took|taken|swallowed|had) (about |around |maybe |like |roughly )?([2-9]\d|1[5-9]|fifteen|twenty|thirty|forty|fifty)( \w+){0,3} (tablets|pills|capsules|of (the|his|her|my))\b/, 3],
  [/\b(saving|stockpiling|hoarding|saved up|collecting) (up )?(my |his |her |some |all )?(\w+ ){0,2}(tablets|pills|sleeping pills|painkillers|meds)\b/, 3],
  // The same with the medicine named ("saving up my sertraline for a few weeks"): the means put by.
  [/\b(saving|stockpiling|hoarding|saved up|been saving|collecting|keeping back) (up )?(my |his |her |some |all )?(sertraline|citalopram|escitalopram|fluoxetine|paroxetine|amitriptyline|nortriptyline|mirtazapine|venlafaxine|quetiapine|olanzapine|lithium|paracetamol|co codamol|codeine|tramadol|morphine|oxycodone|zopiclone|diazepam|propranolol|insulin|sleeping tablets|antidepressants|painkillers)\b/, 3],
  [/\b(took|taken|swallowed|ate|had)\b( \w+){0,4} ([1-9]\d|\d{3}|a load of|loads of|a bunch of|a lot of|lots of|all of) (\w+ ){0,3}(pills|tablets|capsules|antidepressants|painkillers)\b/, 3],
  // Bleeding.
  [/\b(bleeding|blood) (wont|will not|doesnt|does not|isnt) stop/, 3, SELF_NEGATING],
  [/\b(blood|bleeding)\b.*\b(soaked|soaking) (right )?through\b|\b(soaked|soaking) (right )?through (\w+ ){0,3}(with )?blood\b|\b(spurting|spraying|squirting|gushing|pouring|pumping) (blood|out)\b|\b(heavy|heavily|severe|severely|massive) (bleeding|bleed|blood loss)\b|\bbleeding (heavily|badly|a lot)\b/, 3],
  [/\b(vomiting|throwing up|vomited|threw up) (lots of |a lot of )?blood\b|\b(coughing|coughed) up (lots of|a lot of|a cup of|large amounts of) blood\b|\bcoffee grounds?\b|\bblack tarry|\btarry (stool|poo)|\b(poo|poop|stool|stools)\b (\w+ ){0,3}(jet black|black and sticky|like tar)\b|\bblack (sticky )?(poo|poop|stools?)\b/, 3],
  // Infection.
  [/\brash (that )?(doesnt|does not|wont|will not|didnt) (fade|go away|disappear|blanch)\b|\bnon ?blanching\b|\bglass test\b|\bpurple (rash|spots|blotches)\b/, 3, SELF_NEGATING],
  [/\bstiff neck\b.*\b(fever|temperature|headache|rash)\b|\b(fever|temperature|headache|rash)\b.*\bstiff neck\b/, 3],
  [/\bmeningitis\b/, 3, NAMES],
  [/\b(burning up|shivering|shivery|rigors|hot and cold)\b.*\b(blotchy|mottled|breathing (really )?fast|confused|hardly peed|barely peed|not peed|cold hands)\b/, 3],
  [/\bseptic shock\b|\bsepsis\b|\bsepticaemia\b|\bsepticemia\b|\bseptic\b/, 3, NAMES],
  // Newer presentations: heat stroke, chemotherapy fever, hypo with confusion, postpartum psychosis, clot.
  [/\bheat ?stroke\b/, 3, NAMES],
  [/\b(heat|hot|sun|sunshine|heatwave|degrees)\b.*\b(confused|collapsed|stopped sweating|not sweating|hot to touch|burning hot)\b/, 3],
  [/\b(chemo|chemotherapy|neutropeni\w*)\b.*\b(fever|temperature|temp|shivers|shivering|rigors|38|39)\b|\b(fever|temperature|temp)\b.*\b(chemo|chemotherapy)\b/, 3],
  [/\b(insulin|diabetic|diabetes|gliclazide)\b.*\b(sweaty|sweating|shaking|shaky|confused|talking nonsense|drowsy|not making sense)\b/, 3],
  [/\b(gave birth|giving birth|postpartum|post partum|postnatal|post natal|since the baby|after the birth|had the baby|had a baby)\b.*\b(believes|convinced|thinks|voices|hallucinat\w*|paranoid|not sleeping|isnt sleeping|hasnt slept|has not slept|not slept|swapped|not hers|confused)\b/, 3, SELF_NEGATING],
  [/\b(gave birth|giving birth|postpartum|postnatal|after the birth)\b.*\b(bleeding|clots|soaking|headache|vision|flashing)\b/, 3],
  [/\b(flew|flight|plane|long haul|surgery|operation|calf|leg)\b.*\b(short of breath|breathless|cant breathe)\b|\b(short of breath|breathless)\b.*\b(calf|flight|flew|long haul)\b/, 3],
  // Choking in lay words: something stuck and the person cannot cough, talk or breathe.
  [/\b(went down the wrong way|stuck in (his|her|my|the) throat|food stuck)\b.*\b(cant|cannot|can not) (cough|talk|breathe|speak|cry|make a sound)\b|\b(cant|cannot|can not) (cough|talk|breathe|speak|cry)\b.*\b(stuck|wrong way)\b/, 3, SELF_NEGATING],
  [/\b(choking on|swallowed (a |an |the |some |one of )?(\w+ ){0,3}(battery|batteries|magnet|magnets|magnetic))\b/, 3],
  [/\bmottled\b|\bbulging (fontanelle|soft spot)\b|\bfloppy\b/, 3],
  // Pregnancy, abdomen, testes, spine.
  [/\b(period|periods) (is |are |was )?(\w+ ){0,3}(late|overdue|missed)\b.*\b(pain|cramps|shoulder|bleeding|faint\w*|dizzy)\b|\bpositive (pregnancy )?test\b.*\b(sharp|severe|one side|shoulder|faint\w*|dizzy)\b/, 3],
  [/\bpregnan\w*\b.*\b(faint|fainted|fainting|passed out|shoulder tip|severe pain|sharp pain|one side|heavy bleeding|bleeding heavily|seizure|fit)\b/, 3],
  [/\bectopic\b/, 3, NAMES],
  [/\b(testicle|testicles|testicular|scrotum|scrotal|ball|balls)\b.*\b(pain|painful|hurt|hurts|hurting|swollen|swelling|twisted)\b|\b(pain|hurts) in (his|my|one) (testicle|ball)\b|\b(pain|painful|hurts?|hurting|ache|aching|agony|killing)\b( \w+){0,4} (testicle|testicles|testis|scrotum|ball|balls)\b/, 3],
  [/\btorsion\b/, 3, NAMES],
  [/\b(cant|cannot|can not) feel (\w+ ){0,4}(wipe|wiping|toilet paper|bum|bottom|genitals|privates|private parts)\b|\b(cant|cannot|can not) tell (if|when) (my|his|her) bladder\b|\bnumb (\w+ ){0,2}(groin|genitals|privates|private parts|saddle|inner thighs)\b/, 3, SELF_NEGATING],
  [/\bsaddle (numbness|anaesthesia|anesthesia)\b|\bnumb (bum|between (my|his|her) legs)\b/, 3],
  [/\bketones (of |are |at |is )?([3-9]|2 [5-9])\b.*\b(vomit\w*|sick|breathing|drowsy)\b|\b(vomit\w*|being sick)\b.*\bketones (of |are |at |is )?([3-9]|2 [5-9])\b/, 3],
  // Condition names: a history ("had cauda equina surgery two years ago") does not make them happen now.
  [/\b(dka|ketoacidosis|aortic dissection|subarachnoid|pulmonary embolism|pe suspected|stroke|tia|mini stroke|cauda equina)\b/, 3, NAMES],
  // A hip that may be broken: a leg shorter and turned out after a fall.
  [/\bleg (\w+ ){0,3}(shorter|turned out|rolled out|twisted out)\b|\b(cant|cannot) (stand|put weight|bear weight)\b.*\b(fall|fell|hip)\b/, 2, SELF_NEGATING],
  // Plans to end one's life tonight, or a store of tablets for it.
  [/\bending it (all )?(tonight|today|soon)?\b|\b(stockpil\w*|saving up|hoarding|collecting) (my |his |her )?(pills|tablets|meds|medication)\b/, 3],
  // Household chemicals swallowed.
  [/\b(swallowed|drank|drunk|ate|bit into|chewed) (a |an |some |the )?(\w+ ){0,2}(dishwasher|laundry|washing|detergent|pod|capsule|tablet|cleaner|bleach|disinfectant|descaler|oven cleaner|drain cleaner)\b/, 3],
  // Eyes, burns, heads.
  [/\b(curtain|shadow|veil) (coming|came|over|across|down)\b|\bsudden(ly)? (lost|loss of|went) (vision|sight|blind|blurry)\b|\bsudden(ly)? (blind|cant see)\b|\bsuddenly went (blurry|dark|black)\b/, 3, SELF_NEGATING],
  [/\b(chemical|acid|bleach|alkali) in (my|his|her|the) eyes?\b/, 3],
  [/\b(boiling|scald|scalded|scalding|burnt|burned|burn|burns)\b.*\b(baby|toddler|child|infant|face|skin (is )?peeling|peeling|large|whole arm|chest|electrical|chemical)\b|\b(baby|toddler|child|infant)\b.*\b(boiling|scald|scalded|burnt|burned)\b/, 3],
  [/\b(hit|bumped|banged|knocked) (his|her|my|their|the) head\b.*\b(vomit\w*|sick|drowsy|sleepy|confused|knocked out|unconscious|seizure|blood thinner|warfarin|apixaban|rivaroxaban|anticoag\w*|gcs)\b|\bhead injury\b.*\b(vomit\w*|drowsy|gcs|confused|anticoag\w*|apixaban|warfarin|rivaroxaban)\b/, 3],
  [/\bfell\b.*\bhit (his|her|my|their)? ?head\b.*\b(vomit\w*|drowsy|gcs|anticoag\w*|apixaban|warfarin|rivaroxaban|blood thinner)\b/, 3],
  // Clinician shorthand for shock or hypoxia.
  [/\bbp ([4-8]\d) \d{2}\b|\b(sbp|systolic) ?(<|of |is |was |now )?\s?([4-8]\d)\b|\bhypotensi\w*\b/, 2],
  // Upper-airway obstruction as a clinician records it.
  [/\bstridor\w*\b|\b(airway|angio) ?(o?edema|compromise|obstruction)\b/, 3],
  [/\blactate ([4-9]|1\d)\b/, 2],
  [/\b(spo2|sats|saturations?|o2 sats) (of )?([5-8]\d|9[0-3])\b/, 2],
  [/\bhr (1[2-9]\d)\b|\btachycardi\w*\b/, 1],
  [/\bpleuritic\b/, 1],
];

/** Needs care within hours to a day. */
export const URGENT: readonly Cue[] = [
  [/\b(\d|1[0-2]) (day|week)s? old\b.*\b(fever|temperature|temp|hot|38|39|40)\b|\b(fever|temperature|temp)\b.*\b(\d|1[0-2]) (day|week)s? old\b/, 3],
  [/\b[0-2] months? old\b.*\b(fever|temperature|temp|hot|38|39)\b|\b(newborn|neonate)\b.*\b(fever|temperature|hot)\b/, 3],
  [/\b(fever|temperature|temp) (of )?(39|40|41|102|103|104|105)\b|\bhigh fever\b/, 1],
  [/\b(fever|temperature|temp)\b.*\b(back pain|pain in (my|his|her) back|flank|loin|kidney|side)\b|\b(back|flank|loin) pain\b.*\b(fever|temperature)\b/, 2],
  [/\bblood in (my |his |her |the )?(urine|pee|wee|stool|stools|poo|poop)\b|\b(bloody|blood in) (diarrhoea|diarrhea|stool|poo)\b|\bpeeing blood\b/, 2],
  [/\bcoughing (up )?blood\b|\bcough(ing)? up blood\b|\bblood in (my|his|her) (phlegm|spit|sputum)\b|\bhaemoptysis\b|\bhemoptysis\b/, 2],
  [/\bno wet (nappy|nappies|diaper|diapers)\b|\b(hasnt|havent|not|hasn t) (had a )?(wet|peed|weed|pee|wee)/, 3, SELF_NEGATING],
  [/\b(cant|cannot|unable to|wont) (keep|hold) (anything|water|fluids|food|drinks|it) down\b|\bdehydrat\w*\b|\bsunken (eyes|fontanelle)\b/, 2, SELF_NEGATING],
  [/\b(very|really|unusually|extremely) (sleepy|drowsy|lethargic|listless)\b|\b(lethargic|listless)\b|\bwont (feed|drink|eat)\b|\bnot feeding\b/, 2],
  [/\b(severe|really bad|unbearable|excruciating|agonising|agonizing|terrible|worst) (pain|headache|stomach|tummy|abdominal|belly|back)\b/, 2],
  [/\b(pain|hurts)\b.*\b(getting|got) (worse|much worse)\b|\b(getting|got) worse (quickly|fast|rapidly)\b|\bhurts to walk\b/, 2],
  [/\b(lower )?right (side of (my|his|her) )?(tummy|abdomen|stomach|belly|side)\b|\bappendicitis\b|\bappendix\b/, 2],
  [/\b(calf|calves)\b.*\b(pain|painful|swollen|swelling|tender|red|hot)\b|\b(pain|painful|swollen|swelling|tender)\b.*\b(calf|calves)\b|\b(swollen|painful) (leg|calf)\b.*\b(flight|plane|surgery)\b/, 3],
  [/\bdvt\b|\bblood clot\b/, 3, NAMES],
  [/\b(does not|doesnt|did not|didnt) (know|recognise|recognize) (where (she|he|they) (is|are|was)|who (i|we|she|he|they) (am|are|is)|what day|us|me|her own|his own)\b|\bnot (with it|herself|himself) (today|suddenly|since)\b/, 3, SELF_NEGATING],
  [/\b(sudden(ly)?|new|acute) (confused|confusion|delirium|delirious|disoriented)\b|\b(confused|confusion)\b.*\b(uti|infection|fever)\b/, 3],
  [/\b(deep cut|gaping|laceration)\b|\b(dog|cat|animal|human) bite\b/, 2],
  // A fever after travel (a returned traveller from a malaria area needs a same-day malaria test, UKHSA).
  [/\b((back from|returned from|came back from|got back from|flew back from|flown back from)(?! (work|school|nursery|college|uni|university|the gym|the shops|shopping|a run|the pub|hospital|the hospital|a walk|church))|since (i|we) (got|came|flew) back)\b.*\b(fever|fevers|feverish|temperature|shivering|rigors|sweats)\b(?<!\b(no|not|without|any) (fever|fevers|temperature))/, 2],
  // A bite that broke the skin ("another toddler bit him… it broke the skin"): a human or animal bite through
  // the skin is assessed the same day for antibiotic cover (NICE CKS, human and animal bites).
  [/((?<!\b(a|little|quite|tiny|wee) )\bbit\b(?! (my|his|her|their|your) (own )?(nails?|lips?|tongue|cheek))|(?<!\b(insect|mosquito|midge|flea|bed bug|bedbug|spider|tick) )\b(bitten|bite|bites)\b)(?!.{0,40}\b(mosquito|midge|insect|flea)\b).{0,80}\b(broke|broken|breaking|went through|punctured) (the |his |her |my )?skin\b/, 2],
  // Teeth through the skin told as punctures ("a terrier got me on the hand… two deep punctures"): a bite
  // wound, assessed the same day (NICE CKS, human and animal bites).
  [/\b(dog|cat|terrier|puppy|bite|bitten|teeth|fangs?|went for me)\b.{0,80}\b(deep )?punctures?( wounds?| marks?)?\b|\b(deep )?puncture (wounds?|marks?)\b.{0,60}\b(dog|cat|bite|bit|bitten|teeth)\b/, 2],
  // A child wetting the bed again and drinking loads: possible new type 1 diabetes, for a same-day test (NICE NG18).
  [/\b(wetting the bed|wet the bed|wets the bed|bedwetting|bed wetting|weeing (a lot|loads|constantly)|peeing (a lot|loads|constantly))\b.*\b(drinking (loads|a lot|so much|constantly)|so thirsty|really thirsty|always thirsty|always asking for (a )?drinks?|lost weight|losing weight)\b|\b(drinking (loads|a lot|so much|constantly)|so thirsty|really thirsty|always thirsty)\b.*\b(wetting the bed|wet the bed|bedwetting|bed wetting)\b/, 2],
  [/\bstitches\b/, 1],
  [/\bnews ?2? (score )?(of |is )?([5-9]|1\d)\b/, 2],
  [/\b(short of breath|shortness of breath|breathless|breathlessness|out of breath|sob)\b/, 2],
  [/\b(vomit\w*|throwing up|being sick|sick)\b.*\b(diabet\w*|sugars?|glucose|ketones)\b|\b(diabet\w*|sugars?|glucose)\b.*\b(vomit\w*|throwing up|ketones)\b|\bketones\b/, 2],
  [/\bpregnan\w*\b.*\b(bleed\w*|spotting|pain|headache|swollen|swelling|blurred|blurry|vision|not moving|less movement|reduced movements)\b|\breduced (fetal|foetal|baby) movements\b|\bbaby (isnt|is not|hasnt been) moving\b/, 2, SELF_NEGATING],
  [/\b(painful red eye|eye pain|flashes|floaters|vision (changes|loss)|double vision)\b/, 2],
  // An eye getting worse in the days after an operation on it (more painful, redder, vision going misty) may be
  // infection inside the eye, seen the same day (Royal College of Ophthalmologists, cataract surgery guidance).
  [/\b(cataract|eye|lens|retina|retinal|squint|glaucoma|laser) (op|operation|surgery|procedure)\b.*\b(more painful|getting (more )?painful|more pain|redder|more red|getting worse|got worse|worse than yesterday|(vision|sight|eye) (has |is )?(gone|got|getting|become|going) (\w+ )?(misty|worse|blurry|blurred|cloudy|dim|foggy))\b/, 2],
  // A passive wish not to wake up ("it'd be easier to not wake up", "wish I didn't wake up"): same-day help, as
  // other thoughts of being better off dead.
  [/\beasier (to |if i |if i just )?(just )?(not|never|didnt|didn t) (to )?wake up\b|\bwish (i|id|i d) (could )?(just )?(not|never|didnt|didn t) wake up\b|\b(dont|don t|do not) want to wake up (again|anymore|any more|ever)\b/, 2, SELF_NEGATING],
  // A red line spreading up a limb from a wound or a thorn: lymphangitis, assessed the same day (NICE CKS, cellulitis).
  [/\bred (line|lines|streak|streaks|track|tracking)\b.{0,40}\b(up|going up|spreading|tracking|towards|along)\b|\b(line|streak)s? of red\b.{0,30}\b(up|spreading)\b/, 2],
  // Shingles that has just come out: antivirals work best within three days of the rash (NICE CKS, shingles).
  [/\bshingles\b(?! (vaccine|jab|vaccination|shot|injection))(?!.*\b(years? ago|months? ago|last year)\b).*\b(started|came up|came out|appeared|broke out|showed up|coming up)\b.*\b(yesterday|today|this morning|last night|(two|2|three|3) days ago)\b/, 2],
  [/\b(head injury|hit (his|her|my) head|bumped (his|her|my) head|fell (and|on) (hit )?(his|her|my)? ?head)\b/, 2],
  [/\b(k|potassium) (1|2) \d\b|\b(k|potassium) ([6-9]) \d\b|\b(sodium|na) (1[01]\d|12[0-4])\b|\bhyperkalaemia\b|\bhyperkalemia\b/, 2],
  [/\bhypo\b|\bhypoglyc\w*\b/, 2, NAMES],
  [/\b(blood sugar|glucose) (of )?[1-2] \d\b/, 2],
  // A meter reading "HI" or over its range with sickness: diabetic ketoacidosis in lay words.
  [/\b(meter|monitor|reading|glucose|sugar)s? (\w+ ){0,3}(says |said |reads |shows |showing )?(hi|high|off the scale|too high to read)\b.*\b(vomit\w*|sick|breathing (fast|deep|heavy)|drowsy)\b/, 3],
  [/\b(inhaler (isnt|is not|not) (working|helping)|wheezing|wheezy)\b/, 2, SELF_NEGATING],
  [/\basthma attack\b/, 2, NAMES],
  [/\b(burn|burns|burnt|burned|scald|scalded|boiling)\b/, 2],
  [/\b(kettle|hob|iron|oven|stove|steam|flames?)\b.*\b(blister\w*|peeling|red raw|burn\w*|scald\w*)\b/, 2],
  // A kitchen's hot metal grabbed or touched ("grabbed a pan handle straight out of the salamander… blistered").
  [/\b(pan|pan handle|salamander|grill|griddle|hotplate|hot plate|baking tray|oven tray|fryer|wok|exhaust)\b.*\b(blister\w*|peeling|red raw|gone white|burn\w*|scald\w*)\b/, 2],
  [/\bhot (oil|water|fat|tea|coffee|liquid)\b.*\b(spill\w*|splash\w*|pour\w*|blister\w*)\b|\b(spill\w*|splash\w*|pour\w*)\b.*\bhot (oil|water|fat|tea|coffee|liquid)\b/, 2],
  [/\b(fracture|broken (bone|arm|leg|wrist|ankle)|deformed|dislocated)\b/, 2, NAMES],
  [/\b(urinary retention|cant pee|cannot pee|unable to pee|cant urinate)\b/, 2],
  [/\bfainted|\bfainting\b|\bpassed out\b|\bblacked out\b/, 2],
  // Strangling and threats to kill mark abuse at high risk of serious harm.
  [/\b(hands? (round|around|on) my (throat|neck)|strangl\w*|choked me|chokes me|(threatened|threatens|said (he|she) would|says (he|she) will|going) to kill me|kill me if)\b/, 2],
  [/\b(drink|drinking|vodka|whisky|whiskey|alcohol|booze|spirits|drinks (\w+ ){0,6}(cider|lager|beer|wine|vodka|whisky|whiskey|spirits|alcohol|pints|units))\b.*\b(stop|stopping|quit|quitting|cold turkey|detox|give up|stopped)\b|\bstop(ping|ped)? drinking\b|\b(the shakes|delirium tremens)\b/, 2],
  [/\bbaby (has been |is |s been |seems |was )?(much |a lot |really |very )?(quieter|less active|not (as )?active|moving less|kicking less|not kicking|not moving (as much|much))\b|\b(fewer|less|no) (kicks|movements)\b/, 2, SELF_NEGATING],
  [/\b(thinks|believes|convinced|says|insists) (\w+ ){0,4}(poisoning|poisoned|watching|spying|following|bugged|tracking) (him|her|them|me)\b|\bbeing (watched|followed|spied on)\b|\bmicrochip\w*\b/, 2],
  [/\bhallucinat\w*|\bhear(s|ing)? voices\b|\bparanoi\w*|\bdelusion\w*|\bconvinced\b.*\b(following|watching|spying|messages|poisoning)\b|\bpsychosis\b|\bpsychotic\b/, 2],
  [/\b(hits|hit|beats|pushed|kicked|punched|slapped|strangled) me\b|\bdomestic (abuse|violence)\b/, 2],
  // Emergency contraception, also in a clinician's words ("UPSI Saturday… asked for Levonelle").
  [/\b(morning after pill|emergency contraception|condom (broke|split|burst|came off|slipped off)|(burst|split) condom|unprotected sex|plan b|upsi|levonelle|ellaone|ella one)\b/, 2],
  // A needle through the skin from an unknown source ("a needle came through the black bag… into my palm"),
  // told by where it went in ("jabbed in the palm by a needle") or through a glove with one just used on a client.
  [/\bhiv\b.*\b(exposed|exposure|positive|sex|slept)\b|\bneedle ?stick\b|\bsharps injury\b|\bneedle (came|went|poked|stuck|jabbed) (straight )?(through|thru|into|in)\b|\b(pricked|jabbed|stabbed|stuck) (myself |me |my (finger|thumb|hand|palm) )?(with|by|on) a (used |dirty |discarded )?(needle|syringe|sharp)\b|\b(pricked|jabbed|stabbed|stuck) (in|through) (the|my) (finger|thumb|hand|palm|arm|leg|foot) (with|by|on) a (used |dirty |discarded )?(needle|syringe|sharp)\b|\b(pricked|jabbed|stabbed|stuck) (myself|me) (through (my|the) gloves? )?(with|on) (a|an|the) ((used|dirty|discarded|same|tattoo) )?(needle|syringe|sharp|lancet)\b|\bpost exposure\b|\bpep\b/, 2],
  [/\bfirst (ever )?(seizure|fit|convulsion)\b|\b(seizure|fit) for the first time\b/, 2],
  [/\b(suddenly|sudden|new) (muddled|confused|disoriented|drowsy)\b|\bnot making sense\b/, 2],
  // A sexual assault or exposure: the windows for emergency contraception and PEP run from it.
  [/\b(sexually assaulted|raped|rape|spiked|forced (me|her|him) to)\b/, 2],
  // A child's bruises where children are rarely bruised, or with other signs of harm.
  [/\b(toddler|baby|infant|child|kid|boy|girl|month old|year old|son|daughter)\b.*\b(bruise|bruises|bruising|marks)\b.*\b(ears?|behind (the|his|her) ear|back|torso|chest|cheek|fingertip\w*|upper arms?|screaming|shouting|shaken|unexplained)\b|\b(fingertip|finger tip|grab) (type |shaped )?(bruise|bruises|marks)\b/, 2],
  // Low-dose methotrexate is weekly; taken or prescribed daily it can kill within days (asking whether
  // it could be taken daily is a question, not the error).
  [/\b(been taking|is taking|was taking|has taken|had taken|took|prescribed|reads|written up|charted|said to take|told to take) (\w+ ){0,6}methotrexate (\w+ ){0,8}(daily|every day|each day|once a day|od)\b|\bmethotrexate (\w+ ){0,8}(been taking|is taking|was taking|taking it|has taken|had taken|took|prescribed|reads|written|charted|said to take|told to take) (\w+ ){0,6}(daily|every day|each day|once a day|od)\b/, 2],
];

/**
 * Asking what dose would kill: a possible wish to die, whoever the question names and however
 * generally it is put ("how many paracetamol would it take to kill someone?"), so at least urgent
 * (URG-046 answers it).
 */
export const LETHAL_DOSE =
  /\b(fatal|lethal|deadly|kill (me|myself|someone|somebody|a person|you)|be enough to die|die from)\b.*\b(dose|amount|how many|how much|tablets|pills|pens|units)\b|\b(how many|how much|what amount|what dose)\b.*\b(fatal|lethal|deadly|kill|to die|would die|not wake up|never wake up|stop (his|her|my|their) heart)\b/;

// ——— Task type ——————————————————————————————————————————————————————————————————————————

export const DOC_VERB = '(write|writing|draft|drafting|prepare|compose|create|generate|produce|type up|put together|make|do|rewrite|reword|adapt|simplify|translate)';
export const DOC_NOUN =
  '(note|notes|letter|letters|summary|discharge summary|referral|handover|sbar|isbar|soap|certificate|sick note|fit note|' +
  'care plan|leaflet|information sheet|handout|consent form|form|email|e mail|message|report|template|plan|policy|' +
  'instructions|statement|progress note|clinic letter|admission note|op note|operation note|minutes)';
/** Asking for a document to be written ("write a referral letter", "draft a SOAP note"). */
export const DOCUMENT_REQUEST = new RegExp(
  // "What do the letters stand for?" asks a question; "do a letter" asks for one; "I don't do doctors. Letter says…" neither.
  `\\b(?<!\\b(what|how|why|where|when|who|which|dont|don t|never|not) )${DOC_VERB} (me |us |up )?(a |an |the |my |this |that |our |some |these )?(short |brief |formal |quick |simple |plain )?(\\w+ ){0,3}${DOC_NOUN}\\b` +
    // A document needed as a heading ("F2, need a discharge summary to the GP").
    `|\\bneed (a|an) (short |brief |quick )?(soap note|sbar|isbar|discharge summary|discharge letter|referral letter|handover note)\\b` +
    // A document the team wants drawn up ("we want a one page practice protocol for reception").
    `|\\b(we|i) (want|need|would like) (a|an) (one page |short |brief |simple )?(\\w+ ){0,2}(protocol|policy|template|flowchart|sop|handout|leaflet)\\b` +
    // Notes turned into a document, or a form's section worded ("turn this into a discharge summary for the GP",
    // "help me word the medical declaration bit").
    `|\\bturn (this|these|it|the following|my notes) into (a|an) (\\w+ ){0,2}(discharge summary|discharge letter|referral|letter|handover|soap note|sbar|care plan|summary for the gp|medication list|medicines list|med list|medicine chart|medication chart)\\b` +
    `|\\bword (the|my|a|this) (\\w+ ){0,3}(declaration|statement|section|bit|paragraph|answer)\\b` +
    // A letter or note someone wants for work, school or an insurer, with the asker asking for it to be
    // written ("the firm want a 'return to work letter'… can you write one?", "the school wants a letter saying… could
    // you draft something short?"); "my manager wants a sick
    // note, do I ring the GP?" asks where to get one.
    `|\\b((want|wants|need|needs|asking for|asked for) (a |an )?(return to work|fit to work|fitness to fly|sick|absence|school|gym|travel|insurance)? ?(letter|note|form)|need a (note|letter) for (school|work|my employer|the gym|my insurer|insurance))\\b.*\\b(can|could|would) you (write|draft|do|make) (one|it|this|that|me one|something|up)\\b`,
);
/** A document type named without a verb ("SBAR for bed 4"). */
export const DOCUMENT_NAMED = /(?<!\b(wants|want|needs|need|asked for|asking for|requires|get|getting|got) (a |an |me a |me an )?)\b(soap note|sbar|isbar|discharge summary|referral letter|sick note|fit note|handover note|atmist)\b/;
/** Rewriting or explaining records/results belongs to health data, not documentation. */
export const RECORD_NOUN =
  '(results?|labs?|bloods|blood (test|tests|work|results)|readings|values|levels|numbers|note|notes|records|report|reports|letter|' +
  'chart|scan|mri|ct|x ray|xray|ultrasound|ecg|ekg|biopsy|histology|discharge letter|clinic letter|progress notes|observations|obs|' +
  'vitals|vital signs|abg|vbg|blood gas|urine dip|dipstick|spirometry|data|spreadsheet|table|log|diary|care plan|care plans)';
export const HEALTH_DATA: readonly RegExp[] = [
  new RegExp(`\\b(summari[sz]e|summari[sz]ing|summary of|extract|extracting|tabulate|convert|converting|pull out|list (all|the|every)|organi[sz]e|sort|chart|plot|graph|interpret|interpreting|rewrite|translate|explain|explaining|go through|check) (\\w+ ){0,8}${RECORD_NOUN}\\b`),
  // A record quoted to be summarised ("Summarise for the handover sheet: 'PMH: …'").
  /\b(summari[sz]e|summary|tl dr|condense|shorten)\b.*\b(pmh|hx|admitted|ctpa|impression|findings|discharged|obs)\b/,
  new RegExp(`\\b(here are|attached|below|following|these are) (\\w+ ){0,3}${RECORD_NOUN}\\b`),
  new RegExp(`\\b(turn|put|format|make|arrange) (these|this|the|my|the following) (\\w+ ){0,3}${RECORD_NOUN} into\\b`),
  // Words to be put plainly ("can you turn this into plain english bullet points… from my discharge letter").
  /\b(turn|put|make|translate|rewrite) (this|it|that) (in|into) (plain|simple|normal|easy|everyday) (english|words|language)\b/,
  new RegExp(`\\b(pull|get|take|copy|lift) (\\w+ ){0,5}out of (these|this|the|my|his|her) (\\w+ ){0,2}${RECORD_NOUN}\\b`),
  new RegExp(`\\b(my|his|her|these|the) (\\w+ ){0,2}${RECORD_NOUN} (came back|show|showed|says|said|mean|read)\\b`),
  // "Is that normal?" asks about given values only when there are some ("I drink a bottle a day, is that ok?" is not data).
  /\b(what do (these|they|my|the) (?!(\w+ ){0,2}(trials|studies|research|evidence|literature|meta analyses)\b)(\w+ ){0,3}(mean|show))\b|\d+(\.\d+)? ?(mmol|mg|mcg|%|units?|bpm|iu|mmhg|degrees)\b.*\bis (that|this) (bad|normal|high|low|ok|okay|good)\b|\b(temp|temperature|bp|sats|reading|level) (of |is |was )?\d+.*\bis (that|this) (bad|normal|high|low|ok|okay|good)\b/,
  /\bconvert\b.*\b(mg dl|mmol|units?|lbs?|kg|celsius|fahrenheit)\b/,
];
/** Lab-style values such as "hb 98", "ldl 4 5", "crp 180": two or more signal a data task when asked about. */
export const LAB_VALUE = /\b(hb|hba1c|mcv|ferritin|wcc|wbc|plt|platelets|crp|esr|ldl|hdl|cholesterol|triglycerides|tsh|t4|alt|ast|alp|ggt|bilirubin|creatinine|egfr|urea|sodium|potassium|glucose|inr|psa|vitamin d|b12|folate|troponin|d dimer|bnp|lactate)( level| levels| is| was| of)? \d+/g;
/** Asking what a value means: one lab value with this is a result to explain ("explain what an HbA1c of 58 means"). */
export const RESULT_EXPLANATION = /\b(explain|explaining|interpret|interpreting|mean|means|meaning|is (that|this|it|mine) (normal|high|low|bad|good|ok|okay))\b/;

/** What trials or reviews show, asked about whatever numbers the question wants back ("summarise what the trials show, numbers if poss"). */
/**
 * Figures to quote from the evidence, asked while writing something ("writing the board report… which figures should I
 * quote for deaths prevented?"): the question is what the evidence says, not how to word the document.
 */
export const FIGURES_TO_QUOTE = /\bwhich (figures|numbers|statistics|stats|data|estimates|rates|studies|trials) (should|do|can|would) (i|we) (quote|cite|use|report)\b/;
export const RESEARCH_ASKED = /\b(what (the|do the|did the) (trials|studies|evidence|research) (show|shows|say|says|suggest)|meta analys\w*|systematic reviews?)\b/;
export const EVIDENCE: readonly RegExp[] = [
  // Where a number comes from and how sure it is ("where does that figure actually come from, is it measured or modelled?", "real figures on how often…").
  /\bwhere (does|do) (that|this|the|these|those) (number|numbers|figure|figures|statistic|statistics|stat|stats) (\w+ )?come from\b|\bmeasured or modell?ed\b|\breal (figures|numbers|statistics|stats|data)\b/,
  /\b(?<!no )(evidence|research|researchers|studies|trial|trials|rct|rcts|meta analys\w*|metaanalys\w*|systematic review|cochrane|literature|cohort|placebo)\b/,
  /\b(a|the|this|that|new|latest|recent|any|one|large|big) study\b/,
  // Trial effect sizes asked for ("the actual NNT for TXA… from CRASH-2").
  /\b(nnt|nnh|number needed to (treat|harm)|absolute risk reduction|relative risk reduction|hazard ratio|odds ratio|confidence interval)\b/,
  // Two guidelines compared ("where do NICE NG238 and the 2021 ESC guideline actually differ on…"), for a journal club.
  /\b(guidelines?|guidance|recommendations) (\w+ ){0,6}(differ|disagree)\b|\b(differ|disagree) on (starting|stopping|when|whether|the)\b|\bjournal club\b/,
  /\b(does|do|did|can|will) (\w+ ){1,4}(actually|really|even) (work|help|do anything|prevent|cure|reduce)\b/,
  /\b(does|do) (\w+ ){1,4}(work|help) for\b/,
  /\bwhat do (the )?(trials|studies|data|research) (show|say|suggest)\b|\b(is it|just|all) (a )?placebo\b/,
  /\bhow effective\b|\b(efficacy|effectiveness)\b|\baccording to (the )?(data|research|studies|evidence|literature)\b/,
  // A claim met in the news or online, asked about ("saw a headline saying… is that actually true?").
  /\b(headline|headlines|article|news|newspaper|post|tiktok|video|documentary|podcast)\b.*\bis (that|this|it) (actually |really |even )?(true|right|real|legit|accurate)\b/,
  /\b(is there|are there|any) (\w+ ){0,2}(proof|data|science|evidence)\b|\bscientifically proven\b|\bproven to\b|\bconflicting (claims|advice|evidence|information|studies)\b|\bis it (all )?(marketing|a scam|a myth|hype)\b/,
];

export const OTHER: readonly RegExp[] = [
  // The law around helping or treating someone ("scared of being sued", "what does the law say").
  /\b(what does the law say|the law on|legally (allowed|required|liable)|be sued|being sued|get sued|good samaritan law|liable if)\b/,
  /\b(insurance|insurer|medicare|medicaid|copay|co pay|deductible|reimburs\w*|refund|invoice|billing|bill)\b(?<!\b(energy|gas|electric|electricity|phone|water|heating) bill)/,
  /\b(cost|costs|price|prices|fee|fees|charge|charges|pay for|afford)\b(?!.*\b(dose|take|tablets)\b)(?<!\b(dose|dosing|volume|how much for each)\b.*)/,
  /\b(book|booking|schedule|reschedule|cancel) (an |my |a )?(appointment|consultation|visit)\b|\bwaiting (list|time)\b/,
  // Getting through to a practice at all: hours, repeat prescriptions, booking without phoning.
  /\b(surgery|practice|clinic|gp)( is| are)? only open\b|\bopening (hours|times)\b|\bwithout (phoning|ringing|calling) at\b|\b(sort|sorted|order|ordering|request|requesting) (out )?(my |our |the )?repeat (prescriptions?|meds|medication)\b|\brepeat (prescriptions?|meds) (sorted|ordered|requested)\b/,
  /\b(find|choose|register with|sign up with|switch) (a |an |the |my )?(new |good |private |local )?(\w+ )?(doctor|gp|dentist|dental|clinic|practice|surgery|specialist|therapist|hospital|pharmacy|optician)\b/,
  /\b(app|apps|website|websites|software|tracker|smartwatch|fitbit|gadget)\b/,
  // Work as the subject ("find a job", "job interview"), not a job mentioned in passing ("its a physical job").
  /\b(career|careers|become a|becoming a|qualify as|training to be|university|med school|medical school|nursing school|interview|cv|resume|salary)\b|\b(find|get|apply for|applying for|applied for|lose|losing|quit|quitting) (a |my |the )?(\w+ ){0,2}jobs?\b|\bjob (interview|application|applications|offer|hunting|search|medical)\b|\b(pre employment|work|employment) (medical|health questionnaire|health form)\b|\bmedical form\b|\b(medical|health) questionnaire\b|\b(applying|apply|applied) to (be|become) (a|an)\b|\b(get|getting|got) the job\b/,
  /\b(copy of (my|his|her) (medical )?records|access (to )?(my|his|her) records|complaint|complain|data protection|gdpr request)\b/,
  /\bcopy of (\w+ ){0,4}(records|notes)\b|\b(records|notes) (\w+ ){0,2}(moved|transferred|sent|forwarded)\b|\btransfer(ring)? (\w+ ){0,3}(records|notes)\b/,
  /\bquestions to ask\b|\b(prepare|preparing) for (my|his|her|an|the) (appointment|consultation|visit)\b/,
  /\b(opening|closing) (hours|times)\b|\bwhat time (does|do|is) (\w+ ){1,3}(open|close|shut)\b/,
  // Paying for prescriptions ("paying per item", a prepayment certificate): cost, whatever the medicines.
  /\bpay(ing)? (per|for each) (item|prescription)\b|\bprescription (charge|charges|costs?|prepayment)\b|\bprepayment certificate\b/,
];

export const DRUG_NAMES =
  'paracetamol|acetaminophen|tylenol|calpol|panadol|ibuprofen|advil|nurofen|motrin|aspirin|naproxen|diclofenac|codeine|co codamol|' +
  'tramadol|morphine|oxycodone|fentanyl|methadone|buprenorphine|naloxone|narcan|gabapentin|pregabalin|metformin|insulin|gliclazide|' +
  'warfarin|apixaban|rivaroxaban|dabigatran|edoxaban|heparin|enoxaparin|clopidogrel|ticagrelor|digoxin|amiodarone|lithium|valproate|' +
  'lamotrigine|levetiracetam|carbamazepine|phenytoin|sertraline|citalopram|escitalopram|fluoxetine|paroxetine|mirtazapine|venlafaxine|' +
  'duloxetine|amitriptyline|diazepam|lorazepam|zopiclone|melatonin|quetiapine|olanzapine|risperidone|haloperidol|prednisolone|' +
  'prednisone|hydrocortisone|dexamethasone|steroids?|levothyroxine|thyroxine|amoxicillin|penicillin|co amoxiclav|augmentin|' +
  'clarithromycin|azithromycin|erythromycin|doxycycline|nitrofurantoin|trimethoprim|ciprofloxacin|cefalexin|cephalexin|' +
  'flucloxacillin|metronidazole|antibiotics?|antihistamines?|cetirizine|loratadine|fexofenadine|chlorphenamine|piriton|benadryl|' +
  'salbutamol|ventolin|albuterol|inhalers?|omeprazole|lansoprazole|esomeprazole|ranitidine|famotidine|gaviscon|loperamide|imodium|' +
  'laxatives?|senna|lactulose|statins?|atorvastatin|simvastatin|rosuvastatin|ramipril|lisinopril|perindopril|losartan|amlodipine|' +
  'bisoprolol|propranolol|atenolol|furosemide|bendroflumethiazide|spironolactone|hrt|contraceptives?|birth control|the pill|' +
  'morning after pill|levonorgestrel|sildenafil|viagra|tadalafil|finasteride|isotretinoin|roaccutane|methotrexate|hydroxychloroquine|' +
  'chloramphenicol|sudafed|pseudoephedrine|phenylephrine|lemsip|beechams|night nurse|day nurse|nyquil|dayquil|benylin|robitussin|mucinex|' +
  'dextromethorphan|guaifenesin|claritin|clarityn|zyrtec|zirtek|aleve|excedrin|anadin|solpadeine|voltarol|buscopan|' +
  'rennie|tums|pepto bismol|dioralyte|movicol|fybogel|senokot|nytol|sominex|phenergan|promethazine|diphenhydramine|' +
  'canesten|clotrimazole|kwells|chlordiazepoxide|librium|thiamine|pabrinex|gentamicin|amikacin|vancomycin|tobramycin|' +
  'ivermectin|epipen|adrenaline|epinephrine|iron tablets|ferrous \\w+|folic acid|vitamin \\w+|supplements?|painkillers?|' +
  'medications?|medicines?|meds|drugs?|tablets?|pills?|capsules?|syrup|liquid|cream|ointment|patch|injection|jab|vaccines?|' +
  'potassium|fluids|iv fluids|oxygen|sumatriptan|triptans?|nsaids?|ssris?|opioids?|benzodiazepines?|antidepressants?|antipsychotics?|' +
  'beta blockers?|ace inhibitors?|sglt2 inhibitors?|doac|doacs|anticoagulants?|blood thinners?';
export const DRUG_SUFFIX =
  '\\w+(pril|sartan|olol|dipine|statin|azole|cillin|mycin|cycline|floxacin|prazole|tidine|triptan|gliflozin|gliptin|glutide|' +
  'xaban|gatran|parin|mab|tinib|lukast|terol|sonide|profen|fenac|coxib|azepam|azolam|caine|setron|semide|thiazide|oxetine|' +
  'triptyline|afil|dronate|navir|vudine|tegravir|conazole)';
export const DRUG = new RegExp(`\\b(${DRUG_NAMES}|${DRUG_SUFFIX})\\b`);
/** A question about a medicine itself: dose, interactions, side effects, switching, stopping… */
export const MEDICATION_FRAME: readonly RegExp[] = [
  /\b(dose|doses|dosage|dosing|mg|mcg|ml|units|mg kg|regimen|titrat\w*|taper\w*|wean\w*|max(imum)? dose|starting dose|loading dose)\b/,
  /\bhow (much|many|often|long)\b.*\b(take|give|have|use|can|should)\b/,
  /\b(i|you|we|he|she|they) (can|could|should|may) (safely )?(take|give|have|use)\b|\bmax(imum)? (amount|number|dose|daily)\b/,
  /\b(side effects?|adverse effects?|interact\w*|contraindicat\w*|co prescri\w*|coprescri\w*|prescrib\w*|prescription)\b/,
  /\b(can|could|should|may|do) (i|we|he|she|you|they) (just |simply |safely |still |now )?(take|give|use|have|mix|combine|double|stop|start|crush|split)\b/,
  /\b(is it|is that|its) (safe|ok|okay|alright|dangerous|fine) (for (him|her|me|them|us|my \w+) )?to (take|give|use|mix|combine|drink|have)\b/,
  /\b(ok|okay|safe|fine) to (sell|supply|recommend|dispense|prescribe|co prescribe)\b/,
  /\b(do|does) (i|he|she|we|they) need to (stop|start|keep taking|continue|hold|skip)\b/,
  /\b(ok|okay|safe|fine|alright) (with|alongside) (his|her|my|their|your) \w+/,
  /\b(take|taking|taken|give|giving) (\w+ ){0,3}(with|together|alongside|on top of|while|and)\b/,
  /\b(with|and|on|plus) alcohol\b|\bdrink (alcohol|beer|wine)\b|\balcohol (on|with|while)\b/,
  // An extra dose taken by mistake ("took my levothyroxine twice", "gave him a double dose").
  /\b(took|taken|take|had|given|gave|give) (\w+ ){0,4}(twice|two doses|a double dose|double|an extra|one extra|too many|too much)\b|\b(accidentally|by mistake|mistakenly) (took|taken|gave|given|had|doubled)\b/,
  /\b(missed|forgot|forgotten|forget|skipped) (to take |taking )?(a |my |his |her |the )?(dose|pill|tablet|tablets|medication|medicine|injection|jab)\b|\bforgot to take\b/,
  // Stopping a medicine named or referred to ("can I just stop it", "come off them").
  /\b(just|simply) (stop|quit|come off) (it|them|taking)\b|\b(stop|stopping|come off|coming off) (it|them) (now|altogether|completely|cold turkey)\b/,
  // Dosing a named drug for a described patient in renal or hepatic impairment.
  /\b(egfr|crcl|creatinine clearance|renal (impairment|function)|ckd|dialysis|hepatic impairment)\b.*\b(regimen|dose|dosing|levels)\b|\b(regimen|dose|dosing)\b.*\b(egfr|crcl|renal|ckd)\b/,
  /\b(stop|stopping|come off|coming off|quit|switch|switching|change|changing|start|starting|started) (taking |on )?(\w+ ){0,2}(medication|medicine|tablets|pills|antidepressants?|\w+(pril|olol|statin|prazole|xaban|oxetine|aline|alopram))\b/,
  /\b(be|is|are) (causing|the cause|making)\b|\bcause (the|my|his|her)?\s?(dizziness|bleeding|side effects|symptoms)\b|\bcan (\w+ ){1,2}cause\b/,
  /\b(give|giving|administer\w*|infuse|infusion|bolus|replace|replacement) (\w+ ){0,3}(iv|intravenous|oral|po|im|subcut|sc)\b|\b(iv|intravenous|oral) (\w+ ){0,2}(replacement|potassium|antibiotics|fluids)\b/,
  /\bmonitoring\b|\bgeneric (version|name)\b|\bover the counter\b|\botc\b/,
  /\b(safe|ok|okay|alright) to (take|give|use|have) (\w+ ){0,2}(every day|daily|each day|long term|every night)\b|\b\d+ ?(mg|mcg|ml)\b/,
];

export const ADVICE_FRAME: readonly RegExp[] = [
  /\bshould (i|he|she|we|they|my|our|the patient|you)\b/,
  /\bwhat (do|should|can|could|would) (i|we|you) do\b|\bwhat to do\b|\bwhat now\b/,
  /\b(do|does) (i|he|she|we|they|my \w+) (need|have to)\b/,
  // A clinician's next step put as a choice ("do I start mag sulf now or wait for the bloods").
  /\bdo (i|we) (start|give|stop|hold|wait|call|send|admit|deliver|transfer|refer)\b/,
  /\b(is it|is that) (ok|okay|safe|alright|fine|normal|bad|dangerous) (to|for|if)\b/,
  /\bcan (i|he|she|we|they) (still |safely )?(go|exercise|fly|travel|eat|drink|work|swim|drive|sleep|wait|shower|bathe)\b/,
  /\bhow (do|can|should) (i|we) (treat|manage|get rid|stop|help|prevent|deal|ease|relieve|handle|cope|look after)\b/,
  /\b(any |some )?(tips|advice|suggestions|recommendations)\b|\bhelp me\b|\bnext steps?\b|\bhow (quickly|soon|urgently)\b|\bwhen should\b/,
  /\b(indicated|anticoagulate|admit|discharge|escalate|refer|management|manage|workup|work up)\b/,
  /\b(treat|start|prescribe|withhold|hold|give) (it |him |her |them )?(as|with|antibiotics|empirically)\b/,
  /\bwhat would you (do|recommend|suggest)\b|\bwhat do you (recommend|suggest|think i should)\b/,
];

export const INFORMATION_FRAME: readonly RegExp[] = [
  /^ (what|whats|why|how does|how do|how is|how are|how long does|how long do|how common|explain|describe|define|tell me about|is it true|are there|what are|which)\b/,
  /\b(differential|ddx|difference between|(is|are) (a |an )?(\w+ ){1,5}the same (thing )?as|what causes|what could (it|this|that) be|what could cause|possible causes|causes of|mechanism|how (it|they|this) works?)\b/,
  /\b(current guidance|guidelines? (on|for)|threshold for|criteria for|definition of|what does (\w+ ){1,3}mean)\b/,
  /\b(best|first line|usual|standard) treatment\b/,
];

// ——— Expertise ——————————————————————————————————————————————————————————————————————————

export const ROLE =
  '(doctor|physician|gp|general practitioner|nurse|pharmacist|paramedic|midwife|surgeon|registrar|reg|med reg|resident|intern|consultant|' +
  'clinician|dentist|gdp|dental surgeon|dental nurse|dental hygienist|hygienist|physio|physiotherapist|medical student|med student|nursing student|student nurse|np|nurse practitioner|' +
  'physician assistant|pa|healthcare assistant|hca|health care assistant|junior doctor|foundation doctor|fy1|fy2|sho|anaesthetist|' +
  'anesthetist|anesthesiologist|radiographer|radiologist|cardiologist|psychiatrist|paediatrician|pediatrician|obstetrician|' +
  'gynaecologist|gynecologist|oncologist|dietitian|dietician|optometrist|occupational therapist|emt|medic|health visitor|' +
  'community health worker|chw|pharmacy technician|care worker|carer by profession|trainee|fellow|attending|hospitalist|' +
  'occupational health adviser|occupational health advisor|occupational health nurse|occupational health physician|oh adviser|oh nurse|\\w+ologist|' +
  // Training grades as written in a heading ("ST4 O&G on nights", "CT2 psych").
  'st[1-8]|ct[1-3]|spr|specialty registrar|' +
  // Nursing roles as written in a heading ("CPN.", "DN here").
  'cpn|rmn|rgn|community psychiatric nurse|mental health nurse|district nurse)';
/**
 * A role that does something in the story ("uni student, GP sent a text…", "GP said my iron is low", "Practice
 * nurse started me on ramipril") is someone else's, not the asker's: it never ends a heading.
 */
const ROLE_ACTS = '(?! (sent|said|says|told|tells|thinks|gave|gives|wants|has|had|is|was|rang|called|texted|prescribed|put|referred|booked|reckons|started|starts|changed|switched|stopped|upped|increased|doubled|reduced))';
export const PROFESSIONAL: readonly Cue[] = [
  [new RegExp(`\\b(i am|im|i m|as an?|i work as an?|working as an?|speaking as an?) (an? )?(\\w+ )?${ROLE}\\b`), 6],
  // Roles given as shorthand or as a heading: "ED reg here", "Health visitor: …", "on the ward".
  [new RegExp(`^ ${ROLE}\\b(?! (receptionist|receptionists|secretary|administrator|admin|manager))${ROLE_ACTS}|\\b${ROLE} here\\b`), 6],
  // A heading with a qualifier: "Triage nurse: …", "Paramedic student - …", "Staff nurse, …" (not "my nurse said").
  // The role must end the heading: "uni student, GP sent a text…" names someone else's role.
  [new RegExp(`^ (?!(my|the|a|an|our|his|her|your|their|mum|dad|wife|husband)\\b)(\\w+ ){1,3}${ROLE}\\b${ROLE_ACTS}|^ ${ROLE} (student|trainee|here)\\b`), 6],
  // A history given in shorthand: "known hypertensive", "background of AF", "PMH T2DM".
  [/\bknown (hypertensive|diabetic|asthmatic|epileptic|alcoholic|copd|af|ihd|ckd|t1dm|t2dm|hiv)\b|\bbackground of\b|\bhistory of (htn|ihd|af|copd|ckd|t2dm|t1dm)\b/, 2],
  [/\b(ed|a e|ae|er|icu|itu|ccu|hdu|paeds|obs|ortho|medical|surgical|on call|night|ward|community|district|practice|school|mental health|care home|nursing home|residential home) (reg|registrar|sho|fy1|fy2|nurse|doctor|doc|dr|resident|consultant|fellow|matron|midwife|pharmacist)\b(?! (is|was|has|had|says|said|told|thinks|thought|isnt|wasnt|off|away|not|came|comes|started|changed|switched|stopped|upped|increased|put|gave|prescribed|wants|rang|called|referred))/, 5],
  // Dosing by a body-weight scalar ("118kg BMI 41 - TBW or IBW?").
  [/\b(ibw|tbw|lbw|abw|adjusted body weight|ideal body weight|lean body weight|total body weight)\b/, 3],
  // Teaching one's own juniors ("Prepping a teaching session for our FY1s").
  [/\bteach(ing)?( (session|slot|talk))? (for|to) (our|my) (fy1s|fy2s|f1s|f2s|foundation doctors|juniors|junior doctors|medical students|med students|student nurses|trainees|registrars|residents|interns)\b|\bour (fy1s|fy2s|f1s|f2s|foundation doctors|junior doctors)\b/, 6],
  // A triage or ward query as a heading ("triage q - 44M…").
  [/^ (triage|resus|majors|minors|ward|handover|ed|a e) (q|question|query)\b/, 6],
  // Out-of-hours or telephone triage as the heading ("OOH triage: 10/52 infant, T 38.1…").
  [/^ (ooh|out of hours|ooh gp|111|telephone|phone|gp) (triage|telephone triage|phone triage|call back|callback)\b|^ (ooh|triage)\b(?! (is|was|said|told|says|nurse said|took))/, 6],
  // A pharmacy writing as a team ("community pharmacy here").
  [/\b(community|hospital|high street|our) pharmacy (here|team)\b|^ pharmacy here\b/, 6],
  // A public-health programme run as one's own ("the annual board report for our breast screening programme").
  [/\bour (\w+ ){0,2}(screening|vaccination|immunisation|immunization|stop smoking|smoking cessation) (programme|program|service)\b/, 3],
  [/\b(on the ward|on shift|source patient|in clinic today|on my list|on my caseload|in resus|in majors|at triage|handover)\b/, 3],
  [/\bfor (a|an|this) (\d+ ?(kg|kgs|year old|yo) )?(man|woman|male|female|patient|child|lady|gentleman)\b.*\b(regimen|dose|dosing|egfr|crcl|levels)\b/, 3],
  [/\bmy (patient|patients|pt|pts|ward|wards|clinic list|caseload|nursing students|medical students|students|trainees|registrar|team)\b/, 5],
  [/\b(the|a|this|our|my|your|these|those) (patient|pt|patients)\b|\bpt\b(?! at (a|the) gym)|\bpts\b|^ patient\b/, 3],
  [/\b(septic|elderly|frail|diabetic|unwell|confused|pregnant|postnatal|post op|postoperative|ventilated|intubated|admitted) (patient|pt)\b/, 3],
  [/\bpatient\b/, 1],
  [AGE_SEX, 2],
  // Case-vignette style: "a 72-year-old woman", "for a 34-year-old".
  [/\b(a|an) \d{1,3} (year|yr)s? old (man|woman|male|female|boy|girl|lady|gentleman|patient|child|infant|baby)\b|\b(for|in|of|with) (a|an) \d{1,3} (year|yr)s? old\b/, 2],
  [/\b(presenting|presents|presented) with\b|\b(hx|pmh|dhx|shx|c o|o e|on examination|obs|news2|news score|gcs|spo2|sats|rr \d|hr \d|bp \d|temp \d)\b/, 2],
  [/\b(inr|egfr|crcl|crp|wcc|hb \d|lft|lfts|u es|fbc|abg|vbg|ecg|cxr|ct head|lp|mri|troponin|lactate|cha2ds2|chads2|centor|wells|curb 65|qsofa|hfpef|hfref|af|aki|ckd|copd|acs|nstemi|stemi|dvt|pe|uti)\b/, 1],
  [/\b(differential|ddx|workup|work up|management of|titrate|titration|first line|second line|co prescri\w*|contraindicat\w*|indicated|escalate|bd|tds|qds|od|prn|po|iv|im|sc|mg kg|umol|post op|post operative|bed \d+|ward|icu|itu|handover|sbar|soap note|discharge summary|referral letter|clinic letter|progress notes|on call)\b/, 1],
  [/\b(rct|rcts|meta analys\w*|nnt|hazard ratio|odds ratio|guideline|guidelines|bnf|formulary|protocol)\b/, 1],
];

/**
 * Technical vocabulary a layperson rarely strings together. One such word proves nothing (people read
 * their own letters); three distinct ones in a question read as a clinician writing.
 */
export const TECHNICAL = new RegExp(
  '\\b(aetiology|etiology|prognosis|mortality|morbidity|efficacy|inhibitors?|agonists?|antagonists?|exudate|tonsillar|anterior|' +
    'posterior|bilateral|unilateral|pleuritic|exertional|haemodynamic\\w*|hemodynamic\\w*|tachycardi\\w*|bradycardi\\w*|hypotensi\\w*|' +
    'hypertensi\\w*|hypoxi\\w*|febrile|afebrile|auscultation|palpation|consolidation|effusion|cardiomegaly|oedema|edema|' +
    'pharmacokinetic\\w*|renal|hepatic|creatinine|potassium|sodium|lactate|troponin|cultures|sepsis|bundle|anticoagula\\w*|' +
    'hfpef|hfref|sglt2|ace|arb|doac|lmwh|nsaid|ssri|ppi|rct|cohort|randomi[sz]ed|comorbid\\w*|sequelae|titrat\\w*|' +
    'contraindicat\\w*|indicated|iv|po|im|sc|bd|tds|qds|od|prn|mg kg|umol|mmol|mcg|gcs|spo2|inr|egfr|crp|wcc|lp|ct|cxr|ecg|' +
    'obs|news2|af|aki|ckd|copd|cap|acs|stemi|nstemi|dvt|pe|uti|lrti|urti|ddx|hx|pmh|c o|o e|post op|differential|workup|' +
    'presenting|presents|escalat\\w*|monitoring|co prescri\\w*|first line|second line|regimen|dosing|loading|maintenance|' +
    'ph|pco2|po2|hco3|abg|vbg|base excess|anion gap|fio2|peep|hba1c|bmi|add on|ibw|tbw|lbw|rsi|tiva|block|roc|sux)\\b',
  'g',
);
/**
 * Someone at a practice or a ward who says they are not clinical ("GP receptionist here (not clinical)",
 * "practice receptionist, new in post"): they relay a caller's problem or ask about admin, as neither a
 * clinician nor a patient.
 */
export const NON_CLINICAL_STAFF = /\b(receptionist|receptionists|medical secretary|ward clerk|practice administrator|admin staff|counter assistant|medicines counter|counter trained|not the pharmacist|veterinary nurse|vet nurse|animal nurse|rvn)\b|\b(not|non) clinical\b|\bnot a (nurse|doctor|clinician|medic)\b/;

/**
 * Results reported to the person ("GP sent a text saying bloods show low iron", "the app shows Hb 112"):
 * the lab names pasted after it are theirs, not a clinician's vocabulary.
 */
export const REPORTED_RESULTS = /\b(gp|doctor|surgery|practice) (sent|texted|messaged) (me )?(a )?(text|message|letter)\b|\bthe (nhs )?app (shows|says)\b|\bmy (blood|bloods|test) results\b|\bmy (discharge|clinic) letter\b|\bthe report says\b|\bmy (scan|ultrasound|mri|ct|x ray|xray) (report|result|results)\b|\bhad an? (ultrasound|scan|mri|ct scan|x ray|xray) for\b/;

export const LAY: readonly Cue[] = [
  [new RegExp(`^ ${FAMILY.replace('(', '(grandad|grandpa|granddad|')}\\b`), 2],
  // A relative named first ("Dad's 81 and on warfarin").
  [/^ (mum|mom|dad|nan|gran|grandad|grandma|husband|wife|son|daughter)( s|s) \d/, 3],
  [new RegExp(`\\bmy (\\w+ ){0,3}${FAMILY}s?\\b|\\bmy \\d+ (year|month|week|day)s? old\\b`), 3],
  // Parents together: "our little one", "our son".
  [new RegExp(`\\bour (\\w+ ){0,2}${FAMILY}s?\\b`), 3],
  [/\b(i have|ive had|ive got|i got|i feel|im feeling|i am feeling|im having|i am having|i keep (getting|having|feeling|coughing|being|waking|vomiting|throwing up)|i found|i took|i forgot|i noticed|i woke|i think i|im on|i am on|i take|i drink|i smoke|im taking|im \d+ (weeks|months) pregnant|im pregnant|i am pregnant|i weigh|i was diagnosed|ive been)\b/, 3],
  [/\bmy (\w+ )?(head|chest|stomach|tummy|belly|back|knee|knees|leg|legs|arm|arms|foot|feet|hand|hands|eye|eyes|ear|ears|throat|skin|period|periods|blood|sugar|sugars|results|doctor|gp|consultant|medication|medicine|tablets|pills|prescription|insurance|records|appointment|surgery|diagnosis|heart|lungs|kidneys|liver|teeth|tooth|face|neck|shoulder|hip|wrist|ankle|bowels|poo|pee|urine|weight|cholesterol|blood pressure)\b/, 3],
  [/\b(tummy|poo|poop|pee|wee|weeing|nappy|nappies|diaper|diapers|jab|jabs|puffer|boob|boobs|bum|willy|tablets)\b/, 1],
  [/\b(should|can|could|do|how do|where do|how can|will|am) i\b/, 1],
  [/\bwhat (do|should|can) i do\b/, 1],
  [/\b(i|ive|i ve) (\w+ed|woke|took|fell|got|had|ate|drank|hit|cut|burnt)\b/, 2],
  [/\b(worried|scared|frightened|terrified|anxious|panicking|freaking out|nervous)\b/, 1],
  [REPORTED_RESULTS, 3],
  // Someone sent by their family, or who keeps away from doctors ("wife made me do the health check").
  // The asker's own decision about getting there ("wife wants ambulance… quicker if i drive myself").
  [/\b(drive|take|get) myself\b|\b(im|i am) \d+ (min|mins|minutes|miles|km) from\b|^ (wife|husband|missus|hubby) (wants|says|thinks|reckons)\b|\. (wife|husband|missus|hubby) (wants|says|thinks|reckons)\b/, 2],
  [/\b(wife|husband|partner|missus|mrs|girlfriend|boyfriend) (made|got|forced|nagged|booked) me\b|\bi (dont|don t|never) (do|go to|see|bother with) (doctors|the doctor|gps|the gp)\b/, 3],
  [/\b(my|mine|myself)\b/, 2],
  // Said in so many words ("custody detention officer, not medical").
  [/\b(not medical|non medical|not a medic|no medical (training|background)|not medically trained|not a (doctor|nurse|clinician))\b/, 4],
  // Looking after others without being a clinician: a coach, a teacher, a lifeguard, a foster carer.
  [/\b(personal trainer|pt at (a|the) gym|gym instructor|front desk|ski school|one of our (regulars|instructors|members|customers|guests|staff)|i coach|coach|coaching|pe teacher|teacher|teaching assistant|lifeguard|foster carers?|foster parents?|childminder|nanny|au pair|scout leader|support worker|night carer|carer)\b|\bi support (a|an|the) (lady|man|woman|gentleman|person|young|client|resident)\b/, 2],
];

// ——— Uncertainty ————————————————————————————————————————————————————————————————————————

export const CONTESTED: readonly RegExp[] = [
  /\b(conflicting|controversial|contested|disagree|disagreement|debate|debated|mixed (evidence|results|advice)|unclear|unproven|not proven)\b/,
  /\b(actually|really) (work|help|effective|do anything)\b|\bis it (all )?(marketing|a scam|hype|a myth)\b/,
  /\b(supplements?|vitamins?|herbal|natural remedy|natural remedies|homeopath\w*|acupuncture|probiotics?|turmeric|cbd|detox|essential oils?|collagen|intermittent fasting|keto|ivermectin|alternative medicine|new drug|new treatment|experimental)\b/,
  /\b(new|latest|recent|emerging) (study|studies|research|evidence|data|trial|trials)\b|\bis there (any )?(good |strong |real )?(evidence|research|proof)\b/,
];

/** Facts that make a personal question answerable: age, weight, duration, dose, values, who. */
export const CONTEXT_FACTS: readonly RegExp[] = [
  /\b\d+ ?(years?|yrs?|months?|weeks?|days?|hours?|hrs?) (old|ago)\b|\baged? \d+\b|\bim \d+\b/,
  AGE_SEX,
  /\b\d+ ?(kg|kgs|lbs?|stone)\b|\bweigh\w*\b/,
  /\b(for|since|over|past|last) (the )?(\d+|a|an|two|three|four|five|six|few|couple of) (of )?(hours?|days?|weeks?|months?|years?)\b|\bsince (yesterday|this morning|last night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\b(yesterday|this morning|last night|an hour ago|today)\b/,
  /\b\d+ ?(mg|mcg|ml|g|units|mmol|umol)\b/,
  /\b(temp|temperature|fever) (of )?\d+/,
  /\blast (week|month|night|year)\b|\b(pregnant|breastfeeding|diabetic|asthmatic)\b/,
  /\b(hb|inr|egfr|crp|ldl|hdl|hba1c|bp|hr|spo2|gcs|k|sodium|creatinine|ferritin|mcv|lactate) \d+/,
];


/** A clinician's "I" is not a patient: for them only a described patient counts as a situation. */
export const PATIENT_SITUATION: readonly RegExp[] = SITUATION.slice(2);

