// Facts about the person a question is about, read from its words, that a trigger can name
// ("@child + floppy", "!@later-pregnancy"): whether it is a child or an adult, whether a baby is under
// three months old, and how far along a stated pregnancy is. Each is read only from what the question says; when it says nothing, no
// fact holds, so a combination needing one does not match and an exclusion naming one does not apply.

import { scanCjk } from './text';

export const QUESTION_FACTS = ['child', 'adult', 'young-baby', 'early-pregnancy', 'later-pregnancy'] as const;
export type QuestionFact = (typeof QUESTION_FACTS)[number];

export function isQuestionFact(name: string): name is QuestionFact {
  return (QUESTION_FACTS as readonly string[]).includes(name);
}

/** Under this age (years) a person counts as a child (the UK and WHO paediatric cut-off). */
const CHILD_UNDER_YEARS = 16;
/** Under this age (days) a baby's fever needs same-day assessment whatever else (NICE NG143: under 3 months). */
const YOUNG_BABY_UNDER_DAYS = 90;
/** From this week a pregnancy counts as later pregnancy (antepartum bleeding, pre-eclampsia); before it, early. */
const LATER_PREGNANCY_WEEK = 20;

const CHILD_WORDS = /\b(baby|babies|babys|toddler|toddlers|infant|infants|newborn|neonate|child|childs|children|kid|kids|son|sons|daughter|daughters|boy|girl|teenager|teen|schoolboy|schoolgirl|little one|lo)\b|孩子|小孩|宝宝|宝贝|婴儿|新生儿|儿童|儿子|女儿|幼儿|小朋友|男孩|女孩|闺女/;
const ADULT_WORDS = /\b(mum|mom|mother|dad|father|husband|wife|grandad|grandpa|grandfather|grandma|granny|grandmother|nan|nana|boyfriend|girlfriend|fiance|fiancee|elderly|pensioner|uncle|aunt|man|woman|gentleman|lady|colleague|flatmate|adult)\b|父亲|母亲|爸爸|妈妈|我爸|我妈|老爸|老妈|老公|老婆|丈夫|妻子|爱人|爷爷|奶奶|外公|外婆|姥姥|姥爷|公公|婆婆|岳父|岳母|老人|成人|成年人|男朋友|女朋友|同事/;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "三十二" → 32, "十" → 10, "32" → 32; NaN when it is not a number. */
function readNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const v = CN_DIGITS[ch];
    if (v === undefined) return Number.NaN;
    if (v === 10) {
      total += (current || 1) * 10;
      current = 0;
    } else current = v;
  }
  return total + current;
}

/** A stated age in years ("my 4 year old", "aged 58", "3岁", "two months old" → 0), or null. */
export function statedAgeYears(text: string): number | null {
  const lower = text.toLowerCase();
  const years = lower.match(/\b(?:early|mid|late)[\s-]?(\d0)s\b|\b(\d{1,3})[\s-]*(?:years?|yrs?|yo|y\/o)(?:[\s-]*old)?\b|\b(\d{1,2})y(?:\d{1,2}m)?\b|\baged? (\d{1,3})\b|(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(?:周)?岁/);
  if (years) {
    const n = readNumber(years[1] ?? years[2] ?? years[3] ?? years[4] ?? years[5]!);
    if (!Number.isNaN(n)) return n;
  }
  if (/\b\d{1,2}[\s-]*(?:months?|weeks?|days?)[\s-]*old\b|(\d{1,2}|[一二两三四五六七八九十]{1,3})\s?个?(?:月|天)大/.test(lower)) return 0;
  // An age in months said of someone ("the baby is 14 months", "aged 18 months"), not a spell of months.
  const months = lower.match(/\b(?:is|aged|age|just|only) (\d{1,2}) ?(?:months?|mths?)\b(?! (?:ago|pregnant|post|after|since|later|of))/);
  if (months) return Math.floor(Number(months[1]) / 12);
  // An age given after a pronoun ("our grandson, he's 2."), not a count of something else ("she's 25 weeks").
  // Only a number that ends the clause or is followed by years or a joining word: "he's 20 pounds",
  // "she's 39 degrees" and "she's 30 weeks" are not ages.
  const pronoun = lower.match(/\b(?:he|she)(?:'s|’s|s| is) (\d{1,2})(?=\s*(?:years?|yrs?|y\/o|yo)\b|\s*[.,;:!?)]|\s*$|\s+(?:and|but|now|next|today|tomorrow|this|with|has|had|have|is|was|who|so)\b)/);
  if (pronoun) return Number(pronoun[1]);
  return null;
}

const EN_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const DAYS_PER: Record<string, number> = { d: 1, w: 7, m: 30 };

/**
 * A baby's stated age in days ("6 weeks old", "a 3-week-old", "baby 6/52", "newborn", "40天",
 * "出生十天", "两个月大", "刚满月", "患儿，7周"), or null. A number of weeks after 孕/怀孕/妊娠 is a
 * gestation, and weeks or days ago, after or post (an operation, a start) are not an age.
 */
export function statedAgeDays(text: string): number | null {
  const lower = text.toLowerCase();
  const en = lower.match(/\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(days?|weeks?|wks?|months?|mths?)[\s-]*old\b|\b(?:aged|age)\s+(\d{1,3})\s*(days?|weeks?|wks?|months?)\b|\b(?:baby|infant|neonate|newborn|son|daughter|boy|girl)\b[^.?!]{0,12}?\b(\d{1,2})\/52\b/);
  if (en) {
    const n = en[1] ?? en[3];
    const unit = en[2] ?? en[4];
    if (en[5]) return Number(en[5]) * 7;
    const count = /^\d+$/.test(n!) ? Number(n) : EN_NUMBERS[n!]!;
    return count * DAYS_PER[unit!.startsWith('d') ? 'd' : unit!.startsWith('w') ? 'w' : 'm']!;
  }
  // The shorthand before the word, as triage notes put it ("10/52 infant", "6/52 boy", "3/7 old").
  const before = lower.match(/\b(\d{1,2})\/(52|7)\b[\s,-]{0,3}(?:old\s+)?(?:infant|baby|neonate|boy|girl|son|daughter|old|m|f|male|female)\b/);
  if (before) return Number(before[1]) * (before[2] === '52' ? 7 : 1);
  if (/\b(newborn|neonate|neonatal)\b|新生儿|刚出生/.test(lower)) return 0;
  if (/刚?满月/.test(lower)) return 30;
  const zh = lower.match(/(?:生下来第|出生第|出生|生后|才满|刚满|才|刚|满)\s?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(天|周|个?礼拜|个?星期|个月)|(?<!孕|怀孕|妊娠|孕期|停经|怀了)(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(天|周|个月)(?:大|龄|的(?:宝宝|婴儿|孩子|娃|小孩|儿子|女儿|男婴|女婴)|宝宝)|(?:患儿|婴儿|宝宝|男婴|女婴)[，,、\s]*(?:男|女)?[，,、\s]*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(天|周)(?![前后以])/);
  if (zh) {
    const n = readNumber((zh[1] ?? zh[3] ?? zh[5])!);
    const unit = (zh[2] ?? zh[4] ?? zh[6])!;
    if (!Number.isNaN(n)) return n * (unit === '天' ? 1 : unit === '周' || unit.endsWith('礼拜') || unit.endsWith('星期') ? 7 : 30);
  }
  return null;
}

const OBSTETRIC_CONTEXT = /\bg\d+\s*p\d+|pregnan|gestation|\bprimi|\bmultip|antenatal|midwi|\bf(?:o)?etal|\bpv\b|\bfm\b|movements|labou?r|contraction|\bbp\b|with my first|first baby|\bbump\b|kicks|kicking|wriggly|flutters/;

/** A stated gestation in weeks ("33 weeks pregnant", "at 28 weeks", "怀孕32周", "孕七周"), or null. */
export function statedGestationWeeks(text: string): number | null {
  const lower = text.toLowerCase();
  const en = lower.match(/\b(\d{1,2})(?:\+\d)?[\s-]*(?:weeks?|wks?)\b(?=[^.?!]{0,30}\b(?:pregnan\w*|gestation|along)\b)|\b(?:pregnan\w*|gestation)\b[^.?!]{0,20}?\b(\d{1,2})(?:\+\d)?[\s-]*(?:weeks?|wks?)\b/);
  if (en) return Number(en[1] ?? en[2]);
  // Obstetric shorthand: "28/40" is 28 weeks of a 40-week pregnancy ("G2P1 at 34+2/40").
  // Read only beside another obstetric word, so "3/40 of the class" is not a pregnancy.
  // "LMP 7/52 ago… EPAU?": the last period 7 weeks ago dates a pregnancy at 7 weeks.
  // Read only beside a sign of pregnancy: a period two weeks ago with pelvic pain is no pregnancy.
  const lmp = lower.match(/\blmp\s*(?:was\s*)?(\d{1,2})\/52\b/);
  if (lmp && /\b(pregnan\w*|upt|hcg|bhcg|epau|ectopic|positive test|gestation|miscarr\w*)\b/.test(lower)) return Number(lmp[1]);
  const shorthand = lower.match(/\b(\d{1,2})(?:\+\d)?\/40\b/);
  if (shorthand && OBSTETRIC_CONTEXT.test(lower)) return Number(shorthand[1]);
  // Weeks and days, as midwives write them ("primip, 34+2"), beside an obstetric word too.
  const weeksDays = lower.match(/(?<![\d/+.])\b([1-4]\d|[4-9])\+[0-6]\b(?![\d/])/);
  if (weeksDays && OBSTETRIC_CONTEXT.test(lower)) return Number(weeksDays[1]);
  // "I'm 35 weeks and bleeding", "she is 30 weeks": a person said to be N weeks is a gestation
  // (not "2 weeks ago", "6 weeks old", "3 weeks post op").
  const person = lower.match(/\b(?:i am|i'm|im|she is|she's|shes|my wife is|my partner is|my girlfriend is|caller is|patient is|lady is|woman is|mum is)\s+(\d{1,2})(?:\+\d)?\s*(?:weeks?|wks?)\b(?![\s-]*(?:ago|old|post|after|since|later|into|of|now))/);
  if (person) return Number(person[1]);
  // "32 weeks with my first", "28 wks with our second": weeks carried with a baby.
  const carrying = lower.match(/\b(\d{1,2})(?:\+\d)?\s*(?:weeks?|wks?)\s+(?:with|into)\s+(?:my|our|her|the)\s+(?:first|second|third|fourth|1st|2nd|3rd|4th|baby|bump|twins|pregnancy)\b/);
  if (carrying) return Number(carrying[1]);
  // 停经 (no period for) N weeks is how an early pregnancy is dated before a scan.
  const zh = lower.match(/(?:怀孕|孕|妊娠|停经)\s?(?:大概|大约|约|快|差不多|才|刚)?\s?(\d{1,2}|[一二两三四五六七八九十]{1,3})\s?(?:周|週)/);
  if (zh) {
    const n = readNumber(zh[1]!);
    if (!Number.isNaN(n)) return n;
  }
  // Months, as lay people count them ("8 months pregnant", "孕八个月", "怀孕五个多月"): about 4⅓ weeks each.
  const months = lower.match(/\b(\d|one|two|three|four|five|six|seven|eight|nine)\s*(?:months?)\s*pregnant\b|(?:怀孕|孕|妊娠)\s?(\d|[一二两三四五六七八九])\s?个多?月/);
  if (months) {
    const raw = months[1] ?? months[2]!;
    const n = /^\d$/.test(raw) ? Number(raw) : (EN_NUMBERS[raw] ?? readNumber(raw));
    if (!Number.isNaN(n)) return Math.round(n * 4.33);
  }
  return null;
}

/**
 * An exam in a medical subject ("内分泌明天期末考", "药理考试"): a medical student revising, with no patient.
 * Shared with the Chinese clinician cues; an exam alone ("等期末考完再带她去看") is neither.
 */
export const ZH_MEDICAL_EXAM = /(内分泌|内科|外科|儿科|妇产科|药理|生理|病理|解剖|诊断学|神经病学|急诊医学|生化|生物)(学)?(明天|后天|下周)?(期末考|期中考|考试|大考)/;

const PET =
  '(cat|cats|dog|dogs|puppy|kitten|rabbit|horse|pony|guinea pig|hamster|parrot|budgie|ferret|pet|' +
  'labrador|spaniel|terrier|collie|retriever|poodle|greyhound|whippet|staffy|pug|dachshund|husky|beagle|alsatian|german shepherd|cockapoo|labradoodle|jack russell)';
const ANIMAL_PATIENT = new RegExp(`\\b${PET}( just| has just| somehow)? (got into|chewed|chewed open|chewed up|ate|swallowed|has eaten|has swallowed|licked|wolfed|scoffed|stole|pinched|got hold of)\\b|\\b(vet|vets|veterinary|veterinarian)\\b(?! (nurse|nurses|receptionist|receptionists|assistant))|\\bfor (a|my|our|the) (\\d+ ?kg |\\d+ ?kilo )?(dog|cat|puppy|kitten)\\b|\\b(my|our|the|his|her) (class |school |family |neighbours |neighbour s )?${PET}( s|'s|s)?( just| has just| somehow)? (has|had|is|was|keeps|seems|started|ate|swallowed|vomited|collapsed|got)\\b|兽医|宠物医院|(我家|家里|我的)的?(猫|狗|猫咪|狗狗|宠物|兔子)|养了.{0,6}(只|头|条)?(鸡|鸭|鹅|猪|牛|羊|兔子|鸽子)|(鸡|鸭|鹅|猪|牛|羊)(能|可以)吃(吗)?|人吃的药.{0,6}(鸡|鸭|鹅|猪|牛|羊|狗|猫)`);
/**
 * An animal that has swallowed a human medicine, a poison or a toxic amount of dark chocolate ("my
 * beagle ate 2 of my 200mg ibuprofen", "the cat licked half a paracetamol", "ate half a bar of 85%
 * dark chocolate", "猫舔了半片布洛芬"): a vet within hours, so urgent, as labellers read it in 14 of
 * 15 such questions; a square or two of chocolate, or a slice of cake, stays no one's urgency (they
 * read those so in 7 of 7).
 */
const ANIMAL_POISONING = [
  /\b(ate|eaten|eat|swallowed|chewed|chewed up|chewed through|chewed open|licked|got hold of|got into|bit into|scoffed|wolfed)\b (\w+ ){0,7}(\d+ ?mg )?(ibuprofen|nurofen|paracetamol|acetaminophen|naproxen|aspirin|co-codamol|codeine|diclofenac|amlodipine|rivaroxaban|apixaban|warfarin|antidepressants?|sertraline|sleeping (pills|tablets)|blood pressure (pills|tablets)|rat poison|slug pellets|antifreeze|xylitol)\b/,
  /\b(ate|eaten|swallowed|chewed|chewed up|chewed through|licked|got hold of|got into|bit into)\b (\w+ ){0,6}(tablets?|pills?|capsules?|blister (strip|pack)s?)\b/,
  /\b(half|most|all|the whole|a whole|an entire)( of)? (a |an |the |my |his |her |our )?(\d+ ?g )?(bar|block|box|bag|tin|slab|easter egg|bunny)s? (of )?(\d+% )?(dark |milk |cooking |baking )?(chocolate|choc)\b|\b\d{2,4} ?(g|grams?) (bar )?(of )?(\d+% )?(dark |milk |cooking |baking )?(chocolate|choc)\b/,
  /(吃|舔|咬|吞|啃|偷吃|误食).{0,16}(布洛芬|芬必得|对乙酰氨基酚|扑热息痛|泰诺|氨氯地平|降压药|安眠药|利伐沙班|华法林|药片|胶囊|老鼠药|鼠药|耗子药|杀虫剂|防冻液|木糖醇)|(布洛芬|芬必得|对乙酰氨基酚|扑热息痛|泰诺|氨氯地平|降压药|安眠药|利伐沙班|华法林|药片|胶囊|老鼠药|鼠药|耗子药).{0,10}(吃|舔|咬|吞|啃)(了|掉)/,
  /(一整块|一整板|一大块|一整盒|一整条|一大板|\d{2,3}\s?(克|g)).{0,6}(黑)?巧克力/,
];

/** A dose the vet gave ("the vet gave us worming tablets", "驱虫药片"): the animal's own medicine, not a poisoning. */
const ANIMAL_OWN_MEDICINE = /\b(vet|vets)\b[^.?!]{0,60}\b(gave|give|gives|given|prescribed|dispensed|started)\b|\bworm(ing|er|ers)?\b|\bflea\b|驱虫|兽医开|宠物医院开/;

/** Whether a question about an animal tells of it swallowing something toxic (see ANIMAL_POISONING). */
export function animalPoisoning(question: string): boolean {
  const lower = question.normalize('NFKC').toLowerCase();
  return !ANIMAL_OWN_MEDICINE.test(lower) && ANIMAL_POISONING.some((re) => re.test(lower));
}
const FICTION = [
  /\b(writing|write|drafting) (a |an |my )?(\w+ )?(novel|story|screenplay|script|play|book|fanfic|scene)\b|\bfor (a|my|the|our) (novel|story|screenplay|script|book|fanfic) (i m|im|i am|i'm|we re|we are) (writing|working on|drafting)\b|\b(one|a|my|the) (main )?character (has|had|is|gets|suffers|collapses)\b/,
  // Something seen on screen or studied as history ("watched a film where a bloke has a heart attack",
  // "for my history coursework: the 1918 flu").
  /\b(watched|watching|saw|seen) (a |an |the |this |that )?([\w-]+ ){0,2}(film|movie|show|series|drama|soap|programme|program|episode|documentary|highlights|footage|replay|clip|cartoon|anime)\b|\bin (a|the) (film|movie|tv show|soap|drama)\b|\b(history|a level history|gcse history) (coursework|essay|project|homework)\b/,
  // A news story about someone, a murder-mystery game: somebody else's plot ("刷到个新闻 说一个3岁小孩吞了磁力珠",
  // "the victim gets poisoned"); news of a study is an evidence question, not a story.
  // A video game's rules, and a rumour passed round a family chat ("家族群里转了一篇文章 说…").
  // A board or card game's rules ("game night argument: in Pandemic an 'outbreak' is 4 cubes").
  // The rules named, not a game being played when someone falls ill ("collapsed during game night").
  /\b(board game|boardgame|card game|game night)\b.{0,80}\b(rules?|the board|cubes|cards? (says|said)|in the game)\b|\bin (pandemic|plague inc|monopoly|cluedo|catan)\b(?= (the |a |an |you |when |if |it |there ))/,
  // A video or post someone sent or saw ("my neighbour sent me a youtube short where a guy says…").
  /\b(sent me|saw|seen|watched|watching) (a |an |this |that )?(youtube|tiktok|instagram|facebook|insta) (short|video|reel|clip|post)\b/,
  // Someone in the news ("saw on the news a roofer in spain died of heatstroke"): their story, not the asker's.
  /\b(saw|read|heard|seen) (on|in) the news (that |about )?(a|an|some|this|that) \w+/,
  // A museum display, an anime or a manga ("in attack on titan…", "a display on childbed fever").
  /\b(museum|exhibition|anime|manga)\b|\bik its (an )?(anime|cartoon|game)\b/,
  /\b(playing|play|played) (a |an |this |that )?(\w+ ){0,2}(game|video game)\b|\bin game\b|\bvideo game\b|(家族群|群里|朋友圈|微信群|家长群)(里)?(都在)?(转|发)(了)?(一篇|一个|个|条)?(文章|视频|帖子|消息)/,
  /\bmurder mystery\b|\bclue cards?\b|\bescape room\b|(刷到|看到)(个|一个|一条|一篇|条|篇)?新闻(里|上)?\s?(说)?\s?(一个|有个|有一个|某地)/,
  // An old diary or letter found ("翻出外公1983年的日记"); a teenager's diary read today is no such thing.
  // A memoir being written is history told, not someone's illness now ("我在写家族回忆录").
  /\b(writing|write) (a |my |our )?(\w+ )?(memoir|biography)\b|(写|整理|编).{0,6}(回忆录|传记)/,
  // A podcast listened to, a sculpture or painting being made ("美术社要做一个雕塑 主题是…心肺复苏").
  // An episode someone binged, and a question that says nobody is ill ("just curious, nobody here is ill"); a
  // part in a school play ("她要演一个突然中风的老奶奶").
  /\b(binge|bingeing|binging|binged|hooked on) (a |an |the |this |that )?(\w+ ){0,2}podcast\b|\bpodcast (episode|host)\b|\b(nobody|no one|noone) (here |in (my|our|the) (family|house) )?(is|s) (ill|sick|unwell|poorly)\b|(演|扮演)(一个|一位|个).{0,10}(老奶奶|老爷爷|老人|病人|患者|角色)|\b(listening to|listened to|heard on) (a |an |the |this |that )?(\w+ ){0,2}podcast\b|\b(making|doing|painting|sculpting) (a |an )?(sculpture|statue|painting|mural)\b|(做|画|雕|塑)(一个|一座|一幅|一张)?.{0,4}(雕塑|雕像|油画|插画|壁画)/,
  /翻出.{0,12}(日记|信|相册|照片|老照片)|(整理|看|读|翻)(我)?.{0,8}(旧日记|老日记|日记本)|\b(old|grandad s|grandma s|grandfather s|grandmother s) (diary|diaries|letters)\b/,
  // Watching a drama ("追剧", "女主顺产完…") or a scene recalled from one ("watched pulp fiction again… the bit where").
  /追剧|追(一部|个|了一部|了个)?.{0,4}剧|医疗剧|医务剧|韩剧|日剧|美剧|泰剧|英剧|偶像剧|宫斗剧|(剧|片子)\s?里(的|面)?|(电视剧|电影|短剧)片段|(女主|男主|女二|男二)(角)?(突然|刚|顺产|生孩子|生娃|得了|被|在|吃)|\b(watched|rewatched|watching|rewatching)\b.{1,40}\b(the (bit|scene|part) where|in the (film|movie))\b/,
  // A title in book-and-film brackets, then what happens in it ("看了《我不是药神》，里面…").
  /(看|看完|看了|重温|刷了)了?《[^》]{1,20}》.{0,12}(里面|里|中|讲)|(写|创作).{0,6}(小说|剧本|故事|网文)|(网络小说|网文|游戏)(里|里面|中)的?(主角|角色|人物|剧情|boss)|玩.{0,8}游戏.{0,12}(里面|里|中)(的)?(主角|角色|人物)|(小说|剧本|故事)(里|中)的?(人物|角色)|角色.{0,4}(突发|得了)|(电视剧|电影|短剧|纪录片)(里|中)|(看|看完|看了)(一部|一个|一集|个|部)?.{0,10}(纪录片|电视剧|电影|短剧|综艺)|(动画片|动画|动漫|卡通)(里|中)/,
];
/** What a question about no person's illness is about (see aboutNoPatient). */
export type NoPatientKind = 'animal' | 'fiction' | 'teaching' | 'dream';

/**
 * A dream ("dreamt I had a heart attack", "I keep having this dream that my baby stops breathing",
 * "梦见自己心梗了"): nobody's illness, though the worry it leaves is the dreamer's own.
 */
const DREAM = /\b(dreamt|dreamed|dreaming|had a dream|in my dream|nightmare|nightmares)\b|\b(having|have|had|keep having|get) (this|a|the same) (recurring |horrible |awful |weird )?dream\b|做梦|梦见|梦到/;
/** Teaching material being made: a poster, a handout, a leaflet, a mnemonic for a campaign. */
const TEACHING = [
  /\b(making|make|putting together|put together|put up|putting up|print|printing|writing|drafting|designing|preparing|updating|update) (\w+ ){0,4}(poster|posters|handout|handouts|leaflet|leaflets|flyer|flyers|lesson plan|teaching slides|quiz)\b|\bawareness (poster|campaign|week|day|talk|leaflet)\b/,
  /(宣传|科普)(海报|画|册|单|页|栏|材料|视频|文章)|(做|写|设计|出)(一张|一份|一个|个|张|份)?.{0,6}(海报|宣传|传单|口诀)/,
  // A session being taught, a slide, an exam question ("running a first-aid session… bullet points for a slide").
  /\b(running|teaching|giving|delivering|leading|planning) (a |an |the |our |my )?([\w-]+ ){0,3}(session|course|class|talk|workshop|refresher)\b|\bfor (a|my|the|our) (slide|slides|presentation|poster|handout)\b|\b(exam|mcq|sba|quiz|osce|revision) (question|questions|station|scenario)\b|\bpractice (q|question|questions|paper|papers|exam|exams|test|tests)\b|\b(first aid|first aid at work|cpr|bls|ils|als|pals|resus) (exam|test|assessment|certificate|practical)\b|\brevising for (the|my|our) (\w+ ){0,2}exams?\b/,
  // A lesson or lecture being taught or revised ("next week's lesson is on recognising strokes", "neuro lecture today", "明天期末考").
  /\bteaching (yr|year|y) ?\d+\b|\bteaching (a |my |the )?(history|biology|science|pshe|chemistry|health) (lesson|class|unit|topic)?\b|\b(lesson|lessons|assembly) (is |will be )?(on|about)\b|\b(first aid|cpr|health|pshe|science|biology) (lesson|lessons)\b|\bdo a (\w+ ){0,2}lesson\b|\b(\w+ )?lecture (today|yesterday|this morning|last week)\b|\bin (a|the|our|my) lecture\b|考前复习|(老师|教授)(上课|课上)讲/,
  ZH_MEDICAL_EXAM,
  // Medical finals being revised for ("finals in 3 days pls help… why labetalol first in dissection").
  /\bfinals (in|on|next|tomorrow|are)\b|\b(revising|revision|studying|cramming) for (my |the )?finals\b/,
  // A drill on manikins or a first-aid refresher being run ("I run the first aid refresher… a CPR drill on the manikins").
  /\b(cpr|first aid|resus|resuscitation|fire|evacuation|rescue|tabletop) (drill|drills|refresher|practice session|exercise)\b|\b(training scenario|scenario card|simulation scenario)\b|\b(manikin|manikins|mannequin|mannequins|resusci anne|training dummy|training dummies)\b|(急救|心肺复苏|消防|疏散)(演练|培训|练习)|假人|模拟人/,
  // A school project or homework on a topic ("year 6 school project on first aid inventions").
  /\b(school|class|science|history|homework) (project|assignment|presentation)\b|\b(my|her|his|our) (project|homework|assignment|coursework|dissertation|essay) (on|about)\b|(作业|课题|小组作业|手抄报)(是|要|关于)/,
  // A class being taught first aid ("班会课想教孩子们海姆立克急救法").
  /班会课|(教|给)(孩子们|学生们?|同学们|大家|全班).{0,8}(急救|海姆立克|心肺复苏)/,
  // A textbook exercise ("病理生理教材课后练习第三题").
  // A nursing or licensing exam drilled question by question ("护考刷题 这题想不通… 答案给的B").
  /护考|执业护士考试|刷题|这(道)?题(想不通|不会|怎么选|选什么|为什么|没看懂)|答案(给的|选的)是?\s?[a-e]\b|考试题|考题|真题|选择题|单选题|多选题|求解析|题目(是|如下)|课后(练习|习题)|练习题|习题|教材.{0,8}第.{1,3}题|(讲|上)(一堂|一节)?.{0,6}(急救|培训|科普|健康)(科普|知识|教育)?课|期末复习|医学生.{0,6}(复习|备考)/,
  // Fundraising and quizzes: a condition named as a cause or a question of fact, not a patient.
  /\b(sponsored|charity|fundraising) (walk|run|race|swim|cycle|page|event)\b|\bfundraising page\b|\bpub quiz\b|\bquiz (question|night)\b|\btrivia\b|募捐|义卖|公益(跑|走)|知识竞赛/,
];

/**
 * A question about no person at all: an animal's illness ("my cat had a seizure… the vet"), a
 * story being written ("one character has a stroke in my novel") or teaching material being made
 * ("a poster on the early signs of stroke", "the handout for our rescue drill"), or a dream. No
 * presentation principle fits it, and nothing in it is an emergency (a dream's worry is still the
 * dreamer's, see noPatientUrgency); an animal that hurt a person ("the dog bit my son") is not such
 * a question.
 */
export function aboutNoPatient(question: string): NoPatientKind | null {
  // Read on every selection and classification: lower-cased only, no word segmentation needed.
  const lower = question.normalize('NFKC').toLowerCase();
  if (ANIMAL_PATIENT.test(lower)) return 'animal';
  if (FICTION.some((re) => re.test(lower))) return 'fiction';
  if (TEACHING.some((re) => re.test(lower))) return 'teaching';
  if (DREAM.test(lower)) return 'dream';
  return null;
}

/** Which facts a question states. */
export function questionFacts(question: string): Set<QuestionFact> {
  const facts = new Set<QuestionFact>();
  const text = scanCjk(question).plain;
  const age = statedAgeYears(text);
  if (age !== null) facts.add(age < CHILD_UNDER_YEARS ? 'child' : 'adult');
  else {
    const child = CHILD_WORDS.test(text);
    const adult = ADULT_WORDS.test(text);
    if (child && !adult) facts.add('child');
    if (adult && !child) facts.add('adult');
  }
  const days = statedAgeDays(text);
  if (days !== null && days < YOUNG_BABY_UNDER_DAYS) facts.add('young-baby');
  const weeks = statedGestationWeeks(text);
  if (weeks !== null) facts.add(weeks < LATER_PREGNANCY_WEEK ? 'early-pregnancy' : 'later-pregnancy');
  return facts;
}
