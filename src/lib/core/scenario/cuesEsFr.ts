// Spanish and French: not read as fully as English and Chinese. A question in either is recognised
// by its function words, and only what a pool cannot do without is read from it — whether it
// describes an emergency or an urgent problem, whether a family member asks, whether it asks what
// to do — so that an emergency in Spanish gets the emergency behaviours ("open with the action")
// instead of the pool of a general question. Presentation principles stay out (their triggers are
// English and Chinese; an English-looking word in Spanish, "angina", is a sore throat there), so
// such a question gets the scenario-only pool the issue asks for, never a wrong presentation.
// The words are matched on tokenized text: accent-free lower case with apostrophes dropped inside words
// (see tokenize), so "rígido" is "rigido" and "qu'est-ce" is "quest ce". Detection: isSpanishOrFrench in text.ts.

/** Threats to life now, in Spanish and French lay words (accent-free). */
export const ES_FR_EMERGENT: readonly RegExp[] = [
  // Chest pain, pressure or tightness; spreading to the arm.
  /\b(dolor|presion|opresion) (\w+ ){0,3}(en el|del) pecho\b|\b(douleur|pression|oppression) (\w+ ){0,5}(dans la|a la|de la) poitrine\b|\bduele (\w+ ){0,2}el pecho\b|\b(baja|irradia) (por el|al|hacia el) brazo\b|\b(descend|irradie) (\w+ ){0,2}(dans|vers) le bras\b/,
  // Not breathing, not responding, unconscious, snoring breaths.
  /\bno (respira|contesta|responde|reacciona|se despierta)\b|\b(inconsciente|desmayad[oa] y no)\b|\bne (respire|repond|reagit|se reveille) (plus|pas)\b|\bnarrive plus a (respirer|parler)\b|\binconscient\b|\brespira (muy )?raro\b|\bcomo si roncara\b/,
  // Fitting, choking, severe bleeding, turning blue.
  /\b(convulsion\w*|convulsiona\w*|se (esta )?ahogando|atragant\w*|sangra mucho|labios morados)\b|\b(convulse\w*|il setouffe|elle setouffe|saigne beaucoup|levres bleues)\b/,
  // Swelling lips or tongue, or struggling to breathe, after a sting or a food.
  /\b(le|me|te) cuesta respirar\b|\bse (le )?(estan|esta) hinchando (los labios|la lengua|la cara)\b|\b(du mal a respirer|narrive pas a respirer)\b|\b(levres|langue|visage) (qui )?gonfle/,
  // Fever with a stiff neck, or purple spots that do not fade.
  /\b(cuello|nuca) (rigido|rigida|tieso)\b|\bmanch\w* morad\w*\b|\b(nuque raide|raideur de la nuque|taches (violettes|violacees|pourpres))\b/,
  // A face drooping, words slurred, an arm that will not lift.
  /\b(boca torcida|no puede hablar|habla raro|no puede levantar el brazo)\b|\b(bouche de travers|narrive plus a parler|parle bizarrement|ne peut plus lever le bras)\b/,
  // Drugs or an overdose with someone on the ground or not waking.
  /\b(sobredosis|heroina|fentanilo)\b|\b(overdose|heroine|fentanyl)\b.*\b(par terre|ne repond|respire|reveille)\b/,
  // A fall and a knock to the head on a blood thinner; a sudden, severe testicle pain.
  /\b(se cayo|se golpeo la cabeza)\b.*\b(sintrom|anticoagul\w*|warfarina|no contesta|vomit\w*)\b|\b(tres mal|douleur) (\w+ ){0,2}(au|du) testicule\b|\bdolor (\w+ ){0,2}(en el|del) testiculo\b/,
  // Carbon monoxide: a barbecue or heater in a tent, everyone with a headache and sick.
  /\b(barbecue|brasero|chauffage|poele|estufa|parrilla) (\w+ ){0,5}(tente|caravane|tienda|campana)\b|\b(monoxyde|monoxido)\b/,
  // Very drowsy with a fever.
  /\b(muy )?(adormilad\w*|somnolient\w*)\b.*\bfiebre\b|\bfiebre\b.*\b(adormilad\w*)\b|\b(tres )?somnolent\w*\b.*\bfievre\b/,
];

/** Problems for same-day care: a young baby's fever, a bite, a burn. */
export const ES_FR_URGENT: readonly RegExp[] = [
  /\b(\d+|un|una|deux|trois|dos|tres|six|seis) (semaines|semanas|mois|meses)\b.*\b(fievre|fiebre|38|39)\b/,
  /\b(me|le|la|nous) (mordio|a mordu)\b|\bmordedura\b|\bmorsure\b|\b(quemadura|brulure)\b/,
  // A knock to the head on a blood thinner (French; the Spanish one with vomiting or no answer is an emergency above).
  /\b(cogne|cognee) la tete\b.*\b(warfarine|anticoagul\w*|previscan|sintrom|apixaban|xarelto|eliquis)\b|\b(warfarine|anticoagul\w*|previscan|apixaban|xarelto|eliquis)\b.*\b(cogne|cognee) la tete\b/,
  // Bleeding in pregnancy.
  /\b(embarazada|enceinte)\b.*\b(sangre|sangrado|sangra|sang|saigne|saignement)\b/,
  // Blood in diarrhoea, or a fever after travel.
  /\b(diarrea|diarrhee) (\w+ ){0,3}(sangre|sang)\b|\b(viaje|voyage)\b.*(?<!\b(pas de|sans|sin|ni|no tengo|pas eu de) )\b(fiebre|fievre)\b/,
];

/** A family member or the asker's own situation: a lay person asking. */
export const ES_FR_LAY = /\b(mi|mis|mon|ma|mes) (hijo|hija|padre|madre|abuela|abuelo|marido|esposa|esposo|tio|tia|prima|primo|bebe|pote|fils|fille|pere|mere|mari|femme|grand mere|grand pere|copain|copine)\b|\b(tengo|je suis|estoy|jai|tomo|je prends)\b/;

/** Asking what to do. */
export const ES_FR_ADVICE = /\b(que (hago|hacemos|debo hacer|tengo que hacer)|que (faire|dois je faire|je fais)|quest ce que (je|on) (fait|fais|dois faire)|je fais quoi|on fait quoi|llamo|jappelle|debo ir|je dois aller|je peux attendre|puedo esperar|(je dois|dois je|faut il) (l|le|la)?emmener|lemmener|(debo|tengo que) llevarl[oa]|llevarl[oa] (al|a urgencias))\b/;

/**
 * A medicine named, in Spanish, French or as an international drug name, by a generic noun (drops,
 * tablets, syrup) or by a brand sold there (Doliprane, Kardégic, Sintrom).
 */
export const ES_FR_MEDICINE =
  /\b(medicamento\w*|medicacion|pastillas?|comprimidos?|jarabe|gotas|pomada|antibiotico\w*|pildora|medicament\w*|comprimes?|cachets?|sirop|gouttes|pommade|antibiotique\w*|pilule|ibuprofeno|ibuprofene|paracetamol|doliprane|dafalgan|efferalgan|advil|nurofen|aspirina|aspirine|kardegic|sintrom|previscan|warfarina|warfarine|losartan|levotiroxina|levothyrox|amoxicilina|amoxicilline|ciprofloxacino|ciprofloxacine|acetazolamida|acetazolamide|timolol|metformina|metformine|omeprazol|omeprazole)\b/;

/**
 * Asking about taking or giving a medicine: may I take it, how much, how often, together, is it
 * compatible, does it still work. (Whether to see a doctor or wait is advice, not this.)
 */
export const ES_FR_MEDICINE_ASKED =
  /\b(puedo|puede|podemos|se puede|le puedo|debo) (tomar|tomarla|tomarlo|darle|dar|mezclar|usar|combinar|cambiarla|cambiarlo)\b|\bcuant[oa]s? (\w+ ){0,3}(puedo|le doy|darle|tomar|cada)\b|\b(dosis|a la vez|juntos|es compatible|sigue funcionando|lo tomo|la tomo)\b|\b(je peux|peut on|on peut|puis je|il peut|elle peut|quil peut|quelle peut|peut il|peut elle)( lui| en)? (prendre|donner|alterner|melanger|utiliser|associer)\b|\b(quelle dose|a quelle dose|combien de (fois|ml|comprimes|gouttes)|cest compatible|est compatible|en meme temps)\b/;

/** The asker's own or a relative's situation: a medicine question that is someone's, not general knowledge. */
export const ES_FR_PERSONAL = /\b(mi|mis|mon|ma|mes|puedo|peso|tengo|tomo|estoy|je|jai|me)\b/;

/** Registering with a doctor or the health system: an admin question. */
export const ES_FR_ADMIN = /\b(minscrire|inscrire|inscription|registrarme|inscribirme|darme de alta|empadronarme|numero nhs|nhs number|carte vitale|tarjeta sanitaria)\b/;
