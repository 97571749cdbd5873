// Fresh lay, family, clinician and Chinese phrasings of the presentations URG-030 to URG-056, written
// before their triggers were read, and look-alikes that must not pull them in (histories, idioms, benign meanings).
// Every question under "chosen" was missed before the triggers were reworked as concept combinations.

import { describe, expect, it } from 'vitest';
import { readShippedPrinciples } from '../../../../cli/library';
import { classifyScenarioByRules } from '../scenario/rules';
import { buildPrincipleIndex, selectPrinciplePool } from './selectPool';

const library = readShippedPrinciples();
const index = buildPrincipleIndex(library);
/** Whether the pool for this question, under the rule classifier reading the library, holds the principle. */
const chooses = (id: string, question: string) =>
  selectPrinciplePool(classifyScenarioByRules(question, index), question, library, { index }).some((e) => e.id === id);

const CASES: Record<string, { chosen: string[]; notChosen: string[] }> = {
  'URG-030': {
    chosen: [
      'Paramedic: 60M febrile, tachy 140, BP 78 systolic, NEWS 9, likely infection source abdomen, prealert?',
      '医生：患者男，66岁，腹腔感染后高热，心率125，血压82/50，意识差，抗生素怎么上？',
    ],
    notChosen: [
      'Patient had sepsis two years ago and now wants the flu vaccine — any contraindication?',
      '患者三年前因脓毒症住院，现在来复查血常规，结果正常吗？',
      'GP: patient asking whether she needs antibiotics for a simple cold, no fever, what should I say?',
      '医生：患者五年前得过败血症，现在想做膝关节置换，术前要注意什么',
      'Nurse: patient asks whether probiotics prevent sepsis after surgery, what does the evidence say?',
    ],
  },
  'URG-031': {
    chosen: [
      'My wife was straining on the toilet and suddenly grabbed the back of her head saying something had burst, what should I do?',
      '我妈刚才打麻将的时候突然说后脑勺像被人狠狠敲了一棍，疼得直叫唤，刚才又吐了',
      'My husband bent down to pick up the laundry and suddenly said it felt like someone smacked the back of his head with a bat, now he is throwing up',
      'my sister was at the gym lifting and got this sudden explosive pain in her head, she can barely look at the light',
      '我妈上厕所用力的时候后脑勺突然剧痛，说这辈子没这么疼过',
      'my dad is on the floor holding his head saying it is the worst pain he has ever felt, came on suddenly while he was coughing',
      'Mum said her head felt like it was hit by a hammer and then she was sick twice',
      '我爸刚才在厕所突然抱着头喊疼，说脑子里像有东西炸了',
      '老婆做饭时突然后脑勺一阵剧痛，像被人从后面打了一闷棍，现在想吐',
      'My brother was straining on the loo and now says there is a sudden agonising pain at the back of his head',
      'My wife suddenly shouted that her head was splitting, the worst pain ever, and then she vomited',
      'Got a sudden crushing pain at the back of my skull while running, like being kicked in the head',
      '我爸刚才弯腰系鞋带，突然说后脑勺像被雷劈了一样疼',
    ],
    notChosen: [
      'I get a dull tension headache most afternoons at work, what helps?',
      '我睡觉落枕了，脖子很僵，转头有点疼',
      'My son bumped his head on the table, there is a small bump, he is playing normally',
      '我有偏头痛好多年了，每个月都会犯，吃什么药好',
      'My head feels like it is bursting with this cold and blocked sinuses, any decongestant?',
      'My son hit his head on the door frame, small bump, he is fine',
      'I have a hangover headache after a party, what helps?',
    ],
  },
  'URG-032': {
    chosen: [
      '剖腹产第五天，刚才胸口突然像针扎一样疼，一吸气更疼，心跳得特别快',
      "Week after my knee op, suddenly I can't catch my breath and it hurts in my side when I breathe in",
      'My mum had a hip replacement 10 days ago, now she is breathless and her heart is racing',
      '做完手术一周，今天突然喘不上气，吸气的时候胸口刺痛',
      '我妈骨折打了石膏躺了半个月，今天一条腿肿得很粗，还有点喘',
      'Got back from a 14 hour flight yesterday, my right calf is tight, warm and bigger than the left',
      'Three days after my caesarean I suddenly feel like I cannot get enough air and my chest stabs when I breathe',
      'My husband has been in bed with a broken hip for two weeks and now he is gasping for air and coughed up some blood',
      '我老婆剖宫产后第三天，突然呼吸急促，说胸口一吸气就扎着疼',
      'Two weeks after my hip op I am suddenly short of breath and coughing up pink spit',
      'Just back from a long coach trip and my left leg is puffy, red and sore behind the knee',
      '我妈做完膝关节手术十天，突然气喘，胸口疼，一喘气就疼',
    ],
    notChosen: [
      'I had a DVT five years ago, is it safe to fly to Spain next month?',
      'My ankles get a bit puffy at the end of a hot day, is that normal?',
      'My legs ache after running a marathon yesterday, both calves are sore',
      '我妈十年前得过血栓，现在想问能不能吃钙片',
      'I have been on the pill for years, can it cause weight gain?',
      'Going on a long-haul flight next month, should I wear flight socks?',
      'I have been short of breath climbing stairs since I put on weight, normal?',
    ],
  },
  'URG-033': {
    chosen: [
      'husband collapsed with pain going from his chest straight through to his back, says it feels like being torn apart',
      "my grandad with Marfan's says there is a sharp knife-like pain shooting into his back out of nowhere",
      '老公血压一直高，刚才后背突然像被撕开一样剧痛，满头大汗',
      'My father suddenly felt something rip in his chest and the pain moved down into his back, he looks grey',
      '我老公高血压，刚才背上突然像刀割一样剧痛，一直往下走',
      '突然胸口疼得像被撕开，疼痛穿到背后，人都站不住了',
      'My husband with very high blood pressure has a sudden pain in his back like he has been ripped in half',
      '我爷爷突然胸口和后背像被撕成两半一样疼，脸色惨白',
    ],
    notChosen: [
      'I tore a muscle in my back at the gym last week, how long to heal?',
      '我后背肌肉拉伤了，搬东西的时候扭到的，贴膏药行吗',
      'I ripped my jeans climbing over a fence and scraped my back, is it infected?',
      '我在健身房拉伤了后背，像撕裂一样疼了一周了',
      'Sudden knife-like pain in my lower back when I bent to lift the box, can I take ibuprofen?',
      'I tore my hamstring playing football, how long to recover?',
      'I ripped a fingernail and it is bleeding',
    ],
  },
  'URG-034': {
    chosen: [
      "my toddler put a grape in his mouth and now he is gagging and can't make a sound",
      'Something went down the wrong way and my son is coughing and going red, a sweet is stuck',
      '我爸吃饭被一块肉卡在嗓子眼，喘不过气来',
      'my baby was eating a piece of apple and now she is silent, red in the face and cannot cry',
      'Grandma has a bit of chicken stuck and she is grabbing her throat and cannot speak',
      'My son swallowed a marble and it is stuck, he cannot breathe properly',
      'My son is eating a sweet and suddenly cannot breathe, he is pointing at his throat',
      '宝宝吃花生米卡住了，脸憋得发紫，哭不出声',
    ],
    notChosen: [
      'I choked up during my speech at the wedding, how do I control nerves?',
      '炒辣椒的时候被油烟呛得一直咳嗽',
      'I choke on my saliva sometimes at night and wake up coughing, why?',
      '孩子喝奶有点呛奶，咳了两下就好了，正常吗',
      'My 7 month old gags on lumpy food when weaning, is that normal?',
      'Food keeps getting stuck when I swallow bread, it has been like this for months',
      'I sometimes choke on water when I drink too fast',
    ],
  },
  'URG-035': {
    chosen: [
      '我爸一直吃格列美脲，今天早上没吃早饭，现在满头大汗、手直抖，说话颠三倒四的',
      "Type 1 daughter's meter says 2.8 and she is pale and wobbly",
      '糖尿病的奶奶早上测血糖2.5，人迷迷糊糊的',
    ],
    notChosen: [
      'What is a normal fasting blood sugar for someone without diabetes?',
      '我最近血糖有点高，空腹7.2，需要吃药吗',
      'My HbA1c is 58, is that good for someone with type 2?',
      '糖尿病人能吃水果吗，哪些水果升糖慢',
      'Can diabetics eat bananas?',
    ],
  },
  'URG-036': {
    chosen: [
      '工地上一个工友中午顶着大太阳干活，突然晕倒了，浑身滚烫，怎么叫都叫不醒',
      '孩子在车里闷了一会儿，浑身发烫，叫不醒',
      '孩子在太阳底下玩了一下午，现在发烫、呕吐、迷迷糊糊',
    ],
    notChosen: [
      'I get prickly heat rash every summer, what cream helps?',
      '天太热了，晚上睡不着，有什么办法',
      'I sunburnt my shoulders at the beach, what can I put on them?',
      '夏天出汗多，身上长痱子怎么办',
      'Is it safe to leave my dog in the car for five minutes in spring?',
      'My baby is a bit hot in the summer, what tog sleeping bag?',
    ],
  },
  'URG-037': {
    chosen: [
      'My 30-year-old brother suddenly went stiff and started jerking on the floor, never happened before, he is okay now',
      'I blacked out and my flatmate said I was shaking all over and bit my tongue, first time',
      '孩子爸爸突然倒地全身抽筋，以前从来没有过',
      'My girlfriend suddenly collapsed and started shaking all over for about 2 minutes, she has never had anything like this',
      '我老婆刚才突然全身抽搐，翻白眼，以前从来没有过',
      '同事开会时突然倒地抽风，口吐白沫，之前没这种病',
      'Husband suddenly went rigid, eyes rolled back and he was jerking, he has never had this before',
      '我老公今天突然晕倒抽搐了一分钟，以前从来没这样过',
    ],
    notChosen: [
      'I have epilepsy controlled on levetiracetam for 10 years, can I drink alcohol?',
      '我小腿半夜抽筋，疼醒了',
      'I get muscle twitches in my eyelid when I am tired',
      '孩子腿抽筋是不是缺钙',
      'My eyelid keeps twitching for a week',
    ],
  },
  'URG-038': {
    chosen: [
      'husband having treatment for lymphoma, running a fever and really unwell',
      'I have leukaemia and I am having treatment, now I have got a fever and feel terrible',
    ],
    notChosen: [
      'Can I have the flu jab while on chemotherapy?',
      '化疗后掉头发，多久能长回来',
      'What foods help with nausea during chemotherapy?',
      '化疗期间可以吃中药吗',
    ],
  },
  'URG-039': {
    chosen: [
      "My son has a high temp and a rash that doesn't fade when I press a glass on it",
      "toddler has been sleepy all day, hasn't had a wet nappy since morning and is burning up",
      '孩子高烧不退，一直昏睡，尿很少',
      'My 4 year old has a temperature and little purple spots that do not go away when I press them',
      '宝宝发高烧，手脚发凉，身上一块一块发花，很难叫醒',
      '孩子发烧两天了，今天特别蔫，几乎不尿，呼吸很快',
      'My 3 year old has a fever and purple spots that do not fade when I press a glass on them',
    ],
    notChosen: [
      'My son has a cold with a runny nose but is playing happily, should I worry?',
      '孩子手脚冰凉是不是穿少了，没有发烧',
      'My daughter has a mild fever with teething, she is eating and playing normally',
      '孩子感冒流鼻涕，精神很好，需要吃药吗',
      'My 3 year old has a rash that does not go away after a week of cream, is it eczema?',
      'My son has a rash on his cheeks that doesnt fade, no fever, he is happy',
      'My toddler has a runny nose and a mild temperature but is playing',
    ],
  },
  'URG-040': {
    chosen: [
      '宝宝吞了两颗磁力珠',
      '我家小孩玩手表，里面的小电池不见了，怀疑吃进去了',
      'He might have eaten a lithium cell from the kitchen scales',
      '我儿子把巴克球吞下去了好几颗',
      '宝宝玩遥控器，电池少了一个，不知道是不是吃进去了',
    ],
    notChosen: [
      'Which batteries last longest for a baby monitor?',
      '孩子吞了一颗西瓜籽，要紧吗',
      'How do I dispose of old lithium batteries safely?',
      '孩子吞了一颗葡萄籽没事吧',
      'My toddler swallowed a small piece of crayon',
    ],
  },
  'URG-041': {
    chosen: [
      'A 4 month old brought in with a spiral fracture of the femur, parents say he rolled off the sofa',
      "My niece told me her stepdad touches her where he shouldn't",
      '我侄女说她继父摸她的隐私部位',
      '我发现儿子幼儿园老师打他，身上有伤痕',
      'The little girl next door says her mum burns her with cigarettes',
      'I am a teacher and a pupil came in with belt marks on his back',
      'My 6 year old nephew is always hungry, dirty and says his dad locks him in his room',
      '邻居家小孩经常被他爸打得哭喊，身上有伤',
      '我外甥女说她妈妈的男朋友摸她下面',
      '幼儿园老师发现孩子身上有烟头烫伤，家长说是不小心',
    ],
    notChosen: [
      'My toddler bruises easily on his shins from playing, is that normal?',
      '孩子学走路老摔跤，膝盖磕青了',
      'My baby has a blue birthmark on his bottom, is that normal?',
      '孩子在学校跟同学打架了，怎么教育',
      'My toddler keeps touching his privates in the bath, is that normal?',
      'My 13 year old son has started smoking cigarettes, how do I stop him?',
      'Can I leave my 12 year old home alone for an afternoon?',
      'My toddler is always hungry, is that normal?',
      '孩子老是摸下面，正常吗',
      '孩子打疫苗的时候哭得很厉害',
    ],
  },
  'URG-042': {
    chosen: [
      'My son keeps saying people are following him and the neighbours have put cameras in his room',
      'Husband suddenly believes he has been chosen by God and is talking nonsense',
      '我女儿说听到有声音让她去做事',
      '我老公这几天突然胡言乱语，说自己是神派来的',
      'My son is convinced the government has put a chip in his head and is controlling his thoughts',
      'My mum has started talking to people who are not there and says the neighbours are poisoning her food',
      'My 22 year old brother is not sleeping and says he has a special mission from God',
      'Partner is seeing people in the room who are not there and thinks I am trying to kill him',
      '我儿子最近说电视里的人在跟他说话，还说有人在他脑子里放了东西',
      '我弟这几天不睡觉，说自己是被选中的人，要拯救世界',
    ],
    notChosen: [
      'I hear ringing in my ears at night, is it tinnitus?',
      '做梦梦见有人追我，醒来心慌',
      'I see floaters in my vision when I look at the sky',
      '我晚上老做噩梦，梦见有人追我',
      'My son says he wants cameras for his birthday to film wildlife',
      'My daughter says her contraceptive implant is making her moody',
      'My son says people following the keto diet lose weight fast, is it safe?',
      'My son hears a ringing in his ears after the concert',
    ],
  },
  'URG-043': {
    chosen: [
      '我姐生完孩子两个礼拜，这几天突然特别亢奋，整夜不睡，说孩子不是她亲生的，还说听见有人在跟她说话',
      'Since having the baby three weeks ago my sister is talking really fast, manic, believing weird things',
      "after my c-section I keep hearing voices telling me the baby isn't mine",
      '坐月子期间我媳妇突然说听到有人说话，神神叨叨的',
      'Since my partner had our baby she thinks people are coming to take the baby and has not slept in three days',
      '我老婆生完孩子一周，突然说宝宝被人换了，整晚不睡',
      '产后十天，我女儿开始自言自语，说听见有人叫她',
      'My wife had our baby a week ago and is now saying the baby is not ours and hearing things',
    ],
    notChosen: [
      'I had baby blues for a few days after birth and cried a lot, is that normal?',
      '产后掉头发很厉害怎么办',
      'I feel tired and weepy a few days after having the baby, is this normal?',
      '产后多久可以洗头',
      'How do I cope with sleep deprivation with a newborn?',
    ],
  },
  'URG-044': {
    chosen: [
      'I have had 8 pints every night for years and want to just stop from tomorrow, is that safe?',
      'I drink a litre of cider a day, my hands shake in the morning until I have a drink',
      '我爸喝了二十年酒，戒了三天，开始胡说八道，说墙上有虫子',
    ],
    notChosen: [
      'Is it okay to have a glass of wine with dinner while breastfeeding?',
      '喝酒后脸红是怎么回事',
      'How many units of alcohol a week is safe?',
      '喝了酒能吃头孢吗',
      'I drink 3 cans of cola a day, how do I stop?',
      'I have a glass of wine every night, is it OK to stop for Dry January?',
      'Is it OK to drink alcohol with paracetamol?',
    ],
  },
  'URG-045': {
    chosen: [
      "My husband keeps my bank card, tells me I'm worthless and last week he had his hands round my throat. What can I do?",
      'he grabbed me by the neck last night and said nobody would believe me',
      'He locks me in the house and takes my phone when he goes to work',
      'my ex keeps turning up at my work and said he will hurt me if I see anyone else',
      'my wife slaps me and screams at me in front of the kids, who can I talk to?',
      '我对象不让我出门，手机也被他收走，还说我离开就弄死我',
    ],
    notChosen: [
      'My toddler hit me in the face with a toy, how do I discipline him?',
      '打篮球被人撞了一下，胳膊青了',
      'My dog keeps biting my hand when we play, how do I stop it?',
      '孩子在幼儿园被同学推倒了，膝盖擦伤',
      'My husband says the flu jab will hurt, does it?',
      'My baby grabbed my neck and scratched it, will it scar?',
      'My husband snores loudly, what can help?',
    ],
  },
  'URG-046': {
    chosen: [
      'What amount of insulin would definitely be fatal if I injected all of my pens at once?',
      'How much insulin would it take to not wake up?',
      'which pills would be quickest and most painless to end it',
      '吃什么药能无痛地死掉',
      'How many of my sleeping tablets would be enough to not wake up',
      'What is the fatal amount of paracetamol for someone my weight',
      'I want to know which overdose is the least painful',
      '一次打多少胰岛素人就不会醒了',
      '想知道吃哪种药死得最快',
      '吃多少安眠药能死',
    ],
    notChosen: [
      'What is the maximum safe dose of paracetamol per day for an adult?',
      '布洛芬一天最多吃几片',
      'What is the normal dose of sertraline to start with?',
      '对乙酰氨基酚儿童剂量怎么算',
      'How many paracetamol can I take in a day for a fever?',
      'What is the quickest way to end a migraine attack?',
      'Which tablets are least painful to swallow for a child?',
      'What is the maximum dose of ibuprofen for an adult?',
    ],
  },
  'URG-047': {
    chosen: [
      '孕7个月了，今天见红了，还有点肚子疼',
      'At 36 weeks I have some fresh blood when I wipe, should I go in?',
      '7 months pregnant and there is blood in my pants',
      '怀孕三十四周，刚才下面出了好多血',
      '我现在孕28周，今天发现内裤上有鲜血',
    ],
    notChosen: [
      'I had spotting at 6 weeks pregnant, is it a miscarriage?',
      '孕30周牙龈出血正常吗',
      'I am 34 weeks pregnant and I have heartburn every night',
      '怀孕35周鼻子老出血正常吗',
      'My baby is 24 weeks old and there is a little blood in her nappy',
      'I am 30 weeks pregnant and my nose bleeds when I blow it',
      'I am 33 weeks pregnant and have backache',
    ],
  },
  'URG-048': {
    chosen: [
      'since delivering a week ago, severe headache and pain under my ribs on the right',
      '产后第五天，头很疼，眼前冒金星',
      'postnatal day 6, I have pain under my ribs on the right and see sparkles',
    ],
    notChosen: [
      'My period has been heavier than usual since I turned 45, is that menopause?',
      '产后多久可以来月经',
      'When can I start exercising again after giving birth?',
      '产后掉头发正常吗',
      'When do periods come back after giving birth?',
    ],
  },
  'URG-049': {
    chosen: [
      'forgot two of my pills and we had sex, do I need something?',
      '同房没戴套，已经三天了，还来得及吗',
      '事后药72小时内吃有用吗',
      'We had sex without protection on Saturday, can I still stop a pregnancy?',
      'I was sick after taking my pill and then had sex, what now?',
      '前天晚上没做保护措施，现在吃药还来得及吗',
      '套子滑掉了，已经过了两天，怎么办',
    ],
    notChosen: [
      'Which contraceptive pill is best for acne?',
      '想要孩子，备孕需要吃叶酸吗',
      'Which contraception is best if I get migraines?',
      '避孕药会让人长胖吗',
      'I missed a pill yesterday but we have not had sex, do I need to do anything?',
      'Is the pill safe if I smoke?',
    ],
  },
  'URG-050': {
    chosen: [
      'Found a used needle in the park and it pricked my son',
      'My son stood on a discarded syringe on the beach',
    ],
    notChosen: [
      'I am on PrEP, how often do I need a test?',
      'HIV是怎么传播的',
      'What is the life expectancy of someone with HIV on treatment?',
      '艾滋病检测窗口期是多久',
      'Can I get HIV from a toilet seat?',
      'I have to give myself insulin with a syringe, how do I dispose of it?',
      'What is the difference between HIV and AIDS?',
    ],
  },
  'URG-051': {
    chosen: [
      'Dad after his hip operation is seeing things and pulling at his drip at night',
    ],
    notChosen: [
      "Mum's memory has been slowly getting worse over the past few years, is it dementia?",
      '我考试前太紧张，脑子一片混乱',
      'I am confused about which vitamin D dose to take',
      '我对这个检查报告有点看不懂',
      'I am confused about my hospital appointment letter, who do I call?',
      'I am confused about which insurance plan to pick',
    ],
  },
  'URG-052': {
    chosen: [
      'I am 60, sudden heavy tiredness, nausea and pain between my shoulder blades, no chest pain',
      'My 72-year-old mum feels sick, dizzy and sweaty and says there is a pressure in her upper back',
      '我妈突然觉得胃里不舒服，出了一身冷汗，还喘不上气',
    ],
    notChosen: [
      'I get heartburn after spicy food, which antacid is best?',
      '落枕了肩膀酸痛',
      'My jaw clicks when I chew, is that TMJ?',
      '我吃完火锅胃反酸烧心，吃什么药',
      'I have toothache in my jaw and the antibiotics make me feel sick',
      'I get heartburn when I lie down after dinner, what helps?',
      'My jaw aches after the dentist',
    ],
  },
  'URG-054': {
    chosen: [
    ],
    notChosen: [
      'Doctor here: patient with dehydration from gastroenteritis, how much IV fluid?',
      '医生，患者心衰，利尿剂用量怎么调整',
      'Doctor: how much IV fluid for a DKA patient in the first hour?',
      '医生：烧伤患者补液公式怎么算',
      'Doctor: maintenance IV fluids for a post-op patient, how much?',
    ],
  },
  'URG-055': {
    chosen: [
    ],
    notChosen: [
      'Doctor: incidental 4cm abdominal aortic aneurysm on ultrasound, surveillance interval?',
      '医生：患者冠脉支架术后，阿司匹林要吃多久',
      'Doctor: AAA screening, when should we offer ultrasound to men?',
      '医生：主动脉瓣狭窄患者什么时候需要换瓣',
      'Doctor: statin dose after an aortic valve replacement?',
    ],
  },
  'URG-056': {
    chosen: [
      'Health visitor here, new mum is manic and paranoid, what do I do?',
      'Obstetric registrar: 28F, 10 days post CS, hallucinations and disorganised speech',
      'Perinatal nurse: new mother with rapidly changing mood, delusional thinking, 10 days post birth',
      'GP: new mother 2 weeks postnatal, hallucinations and confusion, how urgent?',
    ],
    notChosen: [
      'Midwife: mother has baby blues on day 4, tearful, how to support?',
      '医生：产妇产后抑郁，哺乳期可以用舍曲林吗',
      'Midwife: mother on day 3 is tearful and anxious, normal baby blues?',
      '医生：产后抑郁量表EPDS怎么评分',
      'Midwife: how to support breastfeeding in a mother with anxiety?',
    ],
  },
};

describe('presentation phrasings URG-030 to URG-056', () => {
  for (const [id, { chosen, notChosen }] of Object.entries(CASES)) {
    describe(id, () => {
      if (chosen.length) it.each(chosen)('is chosen for %s', (question) => expect(chooses(id, question)).toBe(true));
      if (notChosen.length) it.each(notChosen)('is not chosen for %s', (question) => expect(chooses(id, question)).toBe(false));
    });
  }
});
