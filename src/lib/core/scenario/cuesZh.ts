// The Simplified Chinese cue lexicons of the rule-based scenario classifier, as data: patterns over
// the question (NFKC, lower-cased; negated words blanked in the "live" form) and their weights.
// Written in our own words from how people describe these situations; the decisions are in rulesZh.ts.

import { ZH_MEDICAL_EXAM } from '../retrieval/questionFacts';
import { NAMES, SELF_NEGATING, type Cue } from './cues';

/** Family and people a layperson asks about. */
export const ZH_FAMILY =
  '(父亲|母亲|爸爸|妈妈|我爸|我妈|老爸|老妈|老公|老婆|丈夫|妻子|爱人|儿子|女儿|孩子|小孩|宝宝|宝贝|婴儿|新生儿|爷爷|奶奶|外公|外婆|姥姥|姥爷|' +
  '朋友|男朋友|女朋友|哥哥|弟弟|姐姐|妹妹|室友|同事|邻居|家人|公公|婆婆|岳父|岳母|' +
  '娃|闺女|媳妇|老伴|老头子|老太太|老太婆|爸妈|父母|公婆|对象|工友|同学|舍友|孙子|孙女|外孙|侄子|侄女|亲戚|老人家|舅舅|姑姑|叔叔|阿姨|大爷|大妈|闺蜜|好友|哥们|兄弟|老乡|跑友|队友|球友|我爹|我娘|俺爹|俺娘|爹|娘)';

/** Each alone (weight ≥ 3) means a possible threat to life or limb now. */
export const ZH_EMERGENT: readonly Cue[] = [
  // A chemical in the eye (lime, cement, bleach): an alkali or acid burn, irrigated at once and seen in A&E.
  [/(石灰|水泥|砂浆|腻子|漂白|消毒液|洁厕|强碱|强酸|化学品|烧碱|碱水).{0,10}(进|溅|弄|掉|迸)(到|进)?(了)?.{0,4}(眼|眼睛)|(眼|眼睛).{0,6}(溅|进)(了|到)?.{0,4}(石灰|水泥|漂白|消毒液|洁厕|强碱|强酸|化学品|烧碱)/, 3],
  // Heart and breathing.
  [/胸痛|胸口(疼|痛|闷|发紧|发闷|发堵|压|憋)|胸(闷|部)(痛|疼|压迫)|心口窝?子?(疼|痛|闷|发紧|压|憋)|压榨(性|样)/, 3],
  [/心绞痛|心梗|心肌梗|心脏病发作/, 3, NAMES],
  // Lay images of cardiac pressure: "胸口像压了块大石头", "跟压了块大石头似的".
  [/胸口.{0,6}(石头|压着|压得|憋得|堵得)|(像|跟|好像|好似).{0,4}压了.{0,3}石头/, 3],
  [/(放射|蔓延|传到|窜到|牵扯到|连着).{0,4}(胳膊|手臂|左臂|左肩|下巴|下颌|后背)/, 3],
  [/(卡住|卡在|噎).{0,10}(发不出声|说不出话|喘不上|憋得通红|脸发紫|憋紫|发紫|哭不出|出不了声|咳不出)/, 3],
  // A drowsy child with cold hands and feet ("人蔫蔫的老想睡，小手小脚摸着凉凉的"): shock, from dehydration or sepsis.
  [/(手脚|小手小脚|手和脚|四肢).{0,6}(冰凉|凉凉|发凉|冰冷|冰冰).{0,40}(蔫|老想睡|嗜睡|叫不醒|没反应|软绵绵|没精神)|(蔫|老想睡|嗜睡|叫不醒|没反应|软绵绵|没精神).{0,40}(手脚|小手小脚|手和脚|四肢).{0,6}(冰凉|凉凉|发凉|冰冷|冰冰)/, 3, SELF_NEGATING],
  [/喘不(上|过)气|呼吸困难|无法呼吸|不能呼吸|透不过气|上不来气|憋得慌|嘴唇(发紫|发青|青紫)|窒息|噎住|卡住喉咙/, 3],
  [/(过敏|花生|坚果|海鲜|虾|蜂).{0,14}((舌头|喉咙|嗓子|嘴唇).{0,3}(肿|发紧|发厚|变厚|堵)|声音嘶哑)/, 3],
  [/(嘴唇|舌头|喉咙|嗓子|脸).{0,3}(肿起|肿了|肿胀|水肿)|喉咙(发紧|收紧|堵)/, 3],
  [/过敏性休克|严重过敏|肾上腺素笔/, 3, NAMES],
  // Brain.
  [/(脸|嘴|嘴角|口角).{0,2}(歪|斜|下垂|耷拉)|面瘫/, 3],
  [/说话(不清|含糊|含混|不利索|大舌头|困难)|口齿不清|言语不清|说不出话|吐字不清/, 3],
  [/(一侧|一边|半边|半身|左边|右边|左侧|右侧|单侧).{0,4}(无力|没力气|没劲|麻木|发麻|不能动|动不了|抬不起)|(胳膊|手臂|手|腿|脚).{0,2}(抬不起来|动不了|没力气|使不上劲)/, 3],
  // Not as a figure of speech after a row ("被领导气得我差点脑溢血").
  [/(?<!差点|气出|气到|气得|要被气出|快)(中风|脑卒中|卒中|脑梗|脑出血|脑溢血|小中风)/, 3, NAMES],
  [/(最|从没|从未|前所未有).{0,4}(剧烈|厉害|严重).{0,2}头(痛|疼)|炸裂(样|般)?头(痛|疼)|霹雳样头痛|突然.{0,2}(剧烈|爆炸样)头(痛|疼)/, 3],
  [/昏迷|不省人事|叫不醒|没有反应|没反应|失去意识|意识不清|晕过去.{0,3}(醒不过来|没醒)/, 3, SELF_NEGATING],
  // Answering only after being called for a long time ("叫半天才应一声"): consciousness is falling.
  [/叫(了)?(半天|好久|好几声|很久)(才|她才|他才)(应|答应|睁眼|有反应)/, 3],
  [/没有呼吸|没呼吸|呼吸停止|停止呼吸|不喘气了|没有心跳|没心跳|心脏骤停|心跳停止|摸不到脉搏|没有脉搏/, 3, SELF_NEGATING],
  // Called by name and cannot answer ("叫他名字也答不上来").
  [/叫(他|她)?(也|都)?不(应|答应|理人)|叫(他|她)(的)?名字.{0,3}(答不上|不答应|没反应|没回应|不应)|喊不(醒|应)|(倒下|倒地|晕倒|栽倒).{0,10}(打呼噜|倒吸气|喘不上)/, 3, SELF_NEGATING],
  [/倒地|突然倒下|晕倒在地|昏倒在地|休克/, 3],
  [/全身发抖.{0,10}(眼睛上翻|翻白眼|叫不醒)|眼睛上翻|翻白眼.{0,6}(抽|抖)|牙关紧闭|四肢抽动|手脚抽动/, 3],
  [/抽搐|抽风|口吐白沫/, 3],
  [/癫痫发作|惊厥|羊癫疯/, 3, NAMES],
  [/抽了.{0,4}(\d+|[一二三四五六七八九十几]+)\s?分钟|(发作|抽|抖).{0,6}(没停|停不下来|还在抽|不停)/, 3],
  // Speech and a hand that will not work, in lay words.
  [/说话.{0,4}(颠三倒四|前言不搭后语|乱七八糟|听不懂)|(手|胳膊).{0,4}(握不住|拿不住|不听使唤)/, 3],
  // Mind and poisoning.
  [/活着没(什么|啥)?意思|(怎么做|方法|怎么死|遗书).{0,4}(都)?想好了|想好了.{0,6}(怎么|方法)|写好了?遗书|不想再活/, 3],
  [/自杀|不想活|活不下去|结束(自己的)?生命|想死|轻生|寻死|了结自己|割腕/, 3],
  // Others better off without them, and the means counted or put by ("安眠药我已经数过了 够的").
  [/(没有我|没了我|我不在了|我走了)(大家|他们|家里)?(会|就|都)?(更好|好过|轻松)|(安眠药|药片|药).{0,10}(数过|攒了|攒够|够了|够的|藏起来)/, 3],
  [/过量|(吃|吞|服)了.{0,4}(一整瓶|一整盒|整瓶|整盒|一把|一大把|很多|大量|几十)|(一整瓶|一整盒|整瓶|整盒|一把|几十片|大量).{0,4}(药|安眠药|止痛药|片)/, 3],
  [/(孩子|宝宝|小孩|儿子|女儿).{0,10}(误吃|偷吃|吞了|咬破|咬开).{0,6}(药|药片|胶囊)/, 3],
  [/安眠药.{0,4}(吃|吞|服)|中毒|误食|误服|农药|(喝|吞|吃)(了|下)?.{0,3}(漂白剂|消毒液|洗衣液|清洁剂|电池|纽扣电池|磁铁)/, 3],
  // Bleeding.
  [/血.{0,3}(往外冒|一股一股|喷出来|涌出来)/, 3],
  [/血流不止|止不住血|血止不住|大出血|喷血|血(往外)?(喷|涌)|流了很多血/, 3],
  [/(吐|呕)(了)?(很多|大量|一口|好多)?血|吐血|呕血|黑便|柏油(样|色)|像柏油|柏油一样|大便(发黑|很黑|是黑的)|咖啡(渣|色)/, 3],
  // Infection.
  [/脖子(僵硬|发硬|硬|转不动)|颈(部)?(僵硬|强直)/, 3],
  [/脑膜炎/, 3, NAMES],
  [/(皮疹|疹子|斑点|紫斑|瘀斑|红点).{0,6}不(褪色|消退|会退|消失)|不(褪色|消退).{0,6}(皮疹|疹子|紫斑|斑)|紫色(皮疹|斑|疹)|玻璃杯(按|压|测试)/, 3],
  [/(点|斑|疹|印子).{0,10}压.{0,4}不(褪|退|消)|压(了|一下)?(也|都)?不(褪色|褪)/, 3],
  [/怕光.{0,10}(发烧|发热|头痛|头疼)|(发烧|发热|头痛|头疼).{0,10}怕光/, 3],
  [/皮肤(发花|花斑)/, 3],
  [/败血症|脓毒症|感染性休克/, 3, NAMES],
  // Pregnancy, testes, spine, metabolic.
  [/(月经|例假|大姨妈).{0,6}(推迟|没来|晚了).{0,20}(疼|痛|出血|见红)|(验孕|两道杠|两条杠).{0,20}(一侧|肩膀|剧痛|晕)|肩膀尖|肩尖/, 3],
  [/(怀孕|孕).{0,14}(晕倒|晕厥|差点晕|剧痛|一侧|单侧|大出血|肩膀(尖)?痛)/, 3],
  [/宫外孕|异位妊娠/, 3, NAMES],
  // Later pregnancy with a headache, flashing lights or sudden swelling: pre-eclampsia in lay words.
  [/(怀孕|孕)\s?([2-4]\d|[二三四]十[一二三四五六七八九]?)\s?周.{0,20}(头痛|头疼|眼前(冒金星|发黑|闪光|有亮点)|看不清|脸肿|手肿|突然肿)/, 3],
  [/(睾丸|蛋蛋|阴囊|(?<![鸡鸭鹅皮咸])蛋(?![白糕黄汤]))[^,.;?!]{0,4}(痛|疼|肿)/, 3],
  [/睾丸扭转/, 3, NAMES],
  [/擦屁股.{0,6}(没感觉|感觉不到|没知觉)|(腰痛|腰疼|背痛|坐骨神经痛).{0,20}(憋不住尿|尿失禁|漏尿|膀胱)/, 3, SELF_NEGATING],
  [/鞍区麻木|马鞍区|马尾综合征|(屁股|会阴|两腿之间|裆部|肛门周围).{0,3}(麻木|发麻|没感觉)|(背痛|腰痛|腰疼|背疼).{0,14}(尿不出|大小便失禁|失禁)/, 3],
  [/酮体.{0,3}(高|阳性|很高)|酮.{0,2}(高|阳性)/, 3],
  [/酮症酸中毒|主动脉夹层|肺栓塞|蛛网膜下腔出血/, 3, NAMES],
  [/(误喝|误吞|误食|喝了|吞了|吃了).{0,6}(清洁剂|洗衣凝珠|洗衣液|消毒液|洗洁精|84|漂白水|洗碗机|除垢剂|管道疏通)/, 3],
  // Eyes, burns, heads.
  [/突然.{0,3}(看不见|失明|视力(下降|丧失)|眼前发黑)|(化学品|酸|碱|漂白剂).{0,3}(进|溅).{0,2}眼/, 3],
  [/((开水|热水|沸水|热油|热汤).{0,4}(烫|浇|泼))|(孩子|宝宝|婴儿|小孩).{0,8}(烫伤|烧伤)|(烫伤|烧伤).{0,8}(孩子|宝宝|婴儿|脸|胸|大面积)|电击伤|化学烧伤/, 3],
  [/(撞|磕|摔|碰|砸).{0,4}(到|了)?(头|脑袋).{0,14}(呕吐|吐了|吐|嗜睡|昏迷|意识|抽搐|抗凝|华法林)/, 3],
  // Newer presentations: thunderclap headache, hypo, swallowed battery, after birth, heat, chemotherapy, clot.
  [/头痛欲裂|头(痛|疼)得?像要?(炸|裂)|头要(炸|裂)|从来?没(有)?(这么|这样)(疼|痛)过|从没这么(疼|痛)/, 3],
  [/(胰岛素|糖尿病|降糖药|格列).{0,16}(出汗|发抖|手抖|冒冷汗|出冷汗|糊涂|说胡话|昏迷|叫不醒)|低血糖.{0,6}(昏迷|叫不醒|抽搐|糊涂)/, 3],
  [/(电池|纽扣电池|磁铁|磁珠).{0,4}(吞|咽|吃)/, 3],
  [/(恶露|出血|流血).{0,10}(变多|增多|突然多)|(湿透|浸透).{0,4}(卫生巾|护垫|床单)|一小时.{0,8}卫生巾/, 3],
  [/(产后|生完孩子|生孩子|剖腹产|顺产|坐月子).{0,12}(出血|流血|血块|幻觉|胡言乱语|害孩子|不睡觉|说有人|糊涂|头痛|视力)|大血块|产后精神病/, 3],
  [/中暑|热射病/, 3, NAMES],
  [/(天热|高温|太热|暴晒|太阳下|大热天).{0,12}(晕倒|昏迷|糊涂|抽搐|不出汗|发烫|很烫|反应慢)/, 3],
  [/化疗.{0,12}(发烧|发热|体温|寒战|\d{2}(\.\d)?度)/, 3],
  [/(出冷汗|冷汗).{0,10}(气短|胸闷|上腹|恶心|喘|胸口|胳膊|左臂|手臂|发麻)|(气短|胸闷|上腹|喘|胸口|左胳膊|左臂).{0,10}(出冷汗|冷汗)/, 3],
  [/(飞机|长途|手术|小腿).{0,16}(喘不过气|气短|呼吸困难|胸痛)/, 3],
];

/** Asking what dose would kill, in Chinese (see LETHAL_DOSE): urgent however it is framed. */
export const ZH_LETHAL_DOSE = /致死量|致命剂量|(吃|吞|打|注射)多少.{0,8}(会死|能死|致死|死人|没命)|多少.{0,6}(片|粒|支|单位).{0,6}(会死|能死|致死|没命)/;
const ZH_LETHAL_DOSE_CUE: Cue = [ZH_LETHAL_DOSE, 2];

/** Needs care within hours to a day. */
export const ZH_URGENT: readonly Cue[] = [
  // Thoughts of being better off dead, without a plan told ("活着也没什么意思"; 一了百了 only beside death,
  // not "拔了一了百了"): same-day help.
  [/活着(也)?没(什么|啥)?意思|不想活(了)?|死了算了|不如死了|(跳下去|跳楼|跳河|死了|去死|活着).{0,6}一了百了|一了百了.{0,6}(活着|死)/, 2],
  // A young baby's age with a fever not denied ("三天了，不发烧" about a four-year-old is none).
  [/(([0-2]|一|两|二)个?月|\d+周|[一二三四五六七八九十]+周|(\d+|[一二三四五六七八九十]+)个?(礼拜|星期)|\d+天|[一二三四五六七八九十]+天)(大)?.{0,16}(?<!不|没|没有|无)(发烧|发热|体温|烧到|头烫|\d+(\.\d)?(度|℃|°))|新生儿.{0,8}(?<!不|没|没有|无)(发烧|发热|体温)/, 3],
  [/高烧|高热|(39|40|41)(\.\d)?(度|℃|°)/, 1],
  // Low-dose methotrexate is weekly; charted or taken daily ("开成 10mg po qd，已经执行了两天") it can kill
  // within days, so the error needs action today (as the English cue).
  [/甲氨蝶呤.{0,30}(?<!叶酸.{0,8})(qd|每天|每日|天天).{0,20}(已经|执行|吃了|服了|用了|两天|三天|几天|好几天)|甲氨蝶呤.{0,20}(开成|开了|写成|医嘱).{0,16}(qd|每天|每日)|(处方|医嘱|审方).{0,10}甲氨蝶呤.{0,30}(?<!叶酸.{0,8})(qd|每天|每日)|甲氨蝶呤.*(当成|当作|看成|以为是|弄成)了?(每天|每日|天天)/, 2],
  // Two medicines that both hold paracetamol, taken together for days (泰诺感冒片 with 扑热息痛): a
  // staggered overdose, for blood levels the same day (MHRA; TOXBASE).
  [/^(?!.*(还没|没吃别的|停了|已经停|不要和|不能和|能一起吃吗|能不能一起|可以一起吃吗|能同时吃吗|可以同时吃吗))(?=.*(已经|吃了|[三四五3-9]天|一天\s?[3-6四五六]次|每天\s?[3-6四五六]次))(?=.*((泰诺|感冒片|感冒灵|氨酚|百服宁|散利痛|必理通).{0,60}(同时|还在吃|又吃|另外|加上|一起|还吃).{0,30}(扑热息痛|对乙酰氨基酚|泰诺林)|(扑热息痛|对乙酰氨基酚|泰诺林).{0,60}(同时|还在吃|又吃|另外|加上|一起|还吃).{0,30}(泰诺|感冒片|感冒灵|氨酚|百服宁|散利痛|必理通)))/, 2],
  // Shingles that has just come out: antivirals work best started within three days of the rash (NICE CKS,
  // shingles), so it is seen within a day; the vaccine and the pain that lingers afterwards are not.
  // A red line spreading up from a wound (lymphangitis), as the English cue.
  [/红线.{0,8}(往上|向上|蔓延|延伸|爬)|(往上|向上).{0,6}(一条|有条)?红线/, 2],
  [/^(?!.*(得过|去年|前年|以前|疫苗|后遗|后神经痛))(?=.*(带状疱疹|缠腰龙|蛇盘疮|蛇缠腰)).*(昨天|今天|前天|刚|这两天|开始).{0,10}(起|长|冒|出)了?.{0,6}(水泡|水疱|疱|疹)/, 2],
  [/(发烧|发热).{0,10}(腰痛|腰疼|背痛|肾区)|(腰痛|腰疼).{0,10}(发烧|发热)/, 2],
  [/尿(血|里有血|中带血)|血尿|便血|大便(带|有)血|拉血/, 2],
  [/咳血|咯血|痰(中|里)(带|有)血/, 2],
  [/(没有|没)(尿|小便|尿尿)|尿(布|不湿).{0,2}(干|没湿)|尿很少|脱水|(喝|吃)不进|喝不下|一直(吐|呕吐)|吐了一整天/, 2, SELF_NEGATING],
  [/嗜睡|没精神|精神(很)?差|昏昏欲睡|特别困|不吃奶|不肯吃奶|蔫/, 2],
  [/剧痛|剧烈(疼痛|头痛|腹痛|肚子痛)|疼得(受不了|要命)|痛得(受不了|要命)/, 2],
  // "疼得厉害" is how people describe a bad knee as well as an emergency: on its own it is not urgent.
  [/(疼|痛)得(厉害|很厉害)/, 1],
  [/越来越(重|严重|疼|痛|厉害)/, 2],
  [/右下腹/, 2],
  [/阑尾/, 2, NAMES],
  [/小腿.{0,4}(肿|痛|疼|红|发热)/, 3],
  [/深静脉血栓|血栓/, 3, NAMES],
  [/突然.{0,2}(糊涂|意识混乱|说胡话|神志不清)|神志不清/, 3],
  [/伤口(很深|很大|裂开)|(狗|猫|动物|人)咬(伤)?|被(狗|猫)咬/, 2],
  // Breath held in sleep and caught again beside snoring ("打呼噜…憋住不喘气十几秒 然后又喘上来") is sleep apnoea, not breathlessness now;
  // "喘的时候才用" asks when to use an inhaler.
  [/气短|气促|呼吸急促|喘气困难|(?<!(打呼噜|打鼾|打呼|呼噜声|鼾声|睡着).{0,40})喘(?!的时候|时候|时才|的时候才)/, 2],
  [/糖尿病.{0,10}(呕吐|吐)|血糖.{0,4}(很高|爆表|\d{2})|低血糖/, 2],
  [/(怀孕|孕).{0,12}(出血|见红|腹痛|肚子痛|头痛|头疼|水肿|浮肿|肿|视力模糊|看不清|胎动)|胎动(减少|少了|没了)/, 2],
  [/眼睛(剧痛|疼得)|视力(模糊|下降)|复视|看东西重影|闪光|飞蚊/, 2],
  [/(撞|磕|摔|碰).{0,3}(到|了)?(头|脑袋)|头部外伤|脑震荡/, 2],
  [/喘息|吸入器.{0,4}(没用|不管用|没效果)/, 2],
  [/哮喘/, 2, NAMES],
  [/烫伤|烧伤|烫到|起水泡|起泡/, 2],
  [/骨折|脱臼|变形/, 2, NAMES],
  [/尿不出|排不出尿|尿潴留/, 2],
  // A faint had once ("去年晕倒过一次") is history; 晕厥 is also a diagnosis's name ("血管迷走性晕厥").
  [/(晕倒|昏倒|晕过去|眼前一黑)(?!过)/, 2],
  [/晕厥(?!过)/, 2, NAMES],
  [/戒酒|停酒|戒断|(白酒|喝酒|酗酒|饮酒).{0,12}(戒|停|不喝)/, 2],
  // A heavy drinker stopping at once ("每天一斤白酒…说戒就戒，一下子停掉").
  [/(白酒|喝酒|酒).{0,40}(一滴不沾|说戒就戒|一下子(停|戒|不喝)|突然(停|戒|不喝)|马上(停|戒))/, 2],
  [/幻觉|幻听|被害妄想|有人要害|要害(他|她|我)|装了监控|(听到|听见)有人(在)?.{0,6}(骂|说话|叫|议论)|被跟踪|被监视|监视(他|她|我)|(被人)?下(了)?毒|被人害|跟踪(他|她|我)|精神病|胡言乱语/, 2],
  [/(宝宝|胎儿).{0,4}(不怎么动|不太动|动得少|没怎么动)/, 2, SELF_NEGATING],
  [/家暴|家庭暴力|(老公|丈夫|男朋友|对象|前夫).{0,4}(打|推|掐|威胁)(我|她)|被打|把(我|她)(推|按|摔|撞)(到|在|倒)/, 2],
  // A child's bruises shaped like fingers, or with fear of the adults at home ("胳膊上有淤青，看着像手指印…家长来接的时候他好像很害怕").
  [/(孩子|男孩|女孩|小孩|学生|儿子|女儿|宝宝).{0,30}(淤青|青紫|瘀青|伤痕|掐痕|勒痕).{0,30}(手指印|指印|掐的|打的|害怕|不敢回家|说不知道|不说)|(手指印|指印|巴掌印)(样)?的?(淤青|瘀青|青紫)/, 2],
  // Strangling and threats to kill mark abuse at high risk of serious harm.
  [/掐(住)?(我|她|他)?(的)?脖子|勒(住)?(我|她|他)?(的)?脖子|(弄死|杀了|打死|掐死)(我|你)|(一喝酒|喝醉|喝多|喝了酒|喝完酒)(了)?就?(动手|打人|打我)|把我(推|按|摔|撞)(到|在|倒)/, 2],
  [/紧急避孕|事后避孕|避孕套破|(套子|避孕套|套)破了|避孕(措施)?失败|毓婷|左炔诺孕酮|事后(避孕)?药|紧急避孕药/, 2],
  // Sex without protection says its own negation ("没戴套", "无保护").
  [/无保护|无防护|没(戴|带|用)(套|避孕套)|没做(措施|防护|安全措施)/, 2, SELF_NEGATING],
  [/阻断药|hiv暴露|艾滋.{0,4}(暴露|阻断)|高危性行为|暴露后预防|针刺伤/, 2],
  [/糊涂|不认识人|说胡话|意识模糊|颠三倒四|答非所问|前言不搭后语/, 2],
  // Asking what dose would kill (see the English cue).
  ZH_LETHAL_DOSE_CUE,
];

/** A real person's situation is described (not a general-knowledge question). */
/** A feeling told with the "I" left out ("最近总觉得活着没意思"): someone's own situation, told by a lay person. */
const ZH_FEELING_UNSAID_I = /^(最近|这几天|这段时间|这阵子)?(总|老是|老|一直|经常)?(觉得|感觉)/;

export const ZH_SITUATION: readonly RegExp[] = [
  // A trade given as who is asking, the I left out ("跑出租的，一天在车上坐十几个小时").
  /^(我是)?(跑|开|送|做|干)[^，,。？?！!\s]{1,4}的[，,\s]/,
  // Thoughts of dying told with the I left out ("有时候觉得不如死了算了").
  /不如死了|死了算了|活着(也)?没(什么|啥)?意思|不想活/,
  // A stated pregnancy week describes someone ("怀孕32周，头痛…").
  /(怀孕|孕)\s?(\d+|[一二三四五六七八九十]+)\s?(周|个月)/,
  // A reading with how someone is ("血糖2.6 手抖 出汗 打胰岛素的"): telegraphic, but someone's.
  /(血糖|血压|体温|心率|血氧|心跳)\s?\d[\d./]*.{0,16}(抖|出汗|冒汗|晕|心慌|疼|痛|吐|喘|抽|没力气|发软|迷糊)/,
  /我|咱|他|她/,
  ZH_FEELING_UNSAID_I,
  new RegExp(ZH_FAMILY),
  /患者|病人|病患|\d+岁|岁(的)?(男|女)/,
  // Chinese often leaves the person out and anchors what happened in time: "剖腹产第五天，刚才胸口…".
  /刚才|刚刚|今天|今早|今晚|昨天|昨晚|前天|这几天|这两天|第[一二三四五六七八九十\d]+天|(天|小时|礼拜|星期)了/,
];
/** A patient written as clinicians write one in Latin shorthand, age then sex ("19F", "72 m"). */
const ZH_LATIN_PATIENT = /(^|[\s，,：:])\d{1,3}\s?[mf](?=[\s，,]|$)/;

/** For a clinician, only a described patient counts as a situation (their own "我" does not). */
export const ZH_PATIENT_SITUATION: readonly RegExp[] = [
  new RegExp(ZH_FAMILY),
  // A pharmacist's customer is the patient ("社区药房 一个老顾客 乳腺癌在化疗…").
  /患者|病人|病患|顾客|客人|\d+岁|岁(的)?(男|女)/,
  // A handover's patient ("男62，", "女54，", "19F") and observations in Latin shorthand.
  /(^|[：:，,\s])[男女]\s?\d{1,3}\s?(岁)?[，,、\s]|(^|[^a-z])(t|p|bp|hr|rr|spo2)\s?\d{2,3}/,
  ZH_LATIN_PATIENT,
];

/** Something happening now (see ACUTE_NOW in cues.ts). */
export const ZH_ACUTE_NOW: readonly RegExp[] = [
  /突然|忽然|猛地|一下子|刚才|刚刚|现在|今天|今早|今晚|昨晚|昨天|前天|半夜|这会儿|马上|正在|这几天|这两天|第[一二三四五六七八九十\d]+天|\d+\s?(分钟|小时)|(几|半|一|两)(个)?小时/,
  // Earlier the same day, told as lay people tell it ("摘了一上午菜，回来就糊涂了").
  /一上午|一下午|今天上午|今天下午|中午|回来就|回来后|刚回来|到家就/,
  // Right after an exertion, or a medicine just tried without effect ("跑完步就喘", "喷了三下没啥用").
  /(跑|走|爬|练|打|踢)完.{0,4}就|(喷|吸|吃|用)了.{0,4}(下|次|口|片|粒).{0,4}(没用|没啥用|没什么用|不管用|不起作用)/,
  /(?<!高)血压(?!\s?\d级)|心率|spo2|血氧|体温\s?\d|呼吸\s?\d|血糖\s?\d/,
];
/** An event over and the person recovered (see SETTLED in cues.ts). */
export const ZH_SETTLED = /(现在|目前|已经|醒来以后|醒了以后|醒了之后|醒过来后?)(也)?(完全|基本)?(清醒|正常|好了|没事|恢复(正常)?|能说话|神志清楚)|(醒|缓)过来了|跟没事人一样|(完全|基本)(清醒|正常)|好好的|能吃能喝/;
/**
 * A past episode told as over (see SETTLED_SINCE in cues.ts): "当时…", "后来再没犯过", "恢复得挺好".
 * With a history it outweighs the symptoms it describes, which were then, not now.
 */
export const ZH_SETTLED_SINCE = /当时|那次|那时候|那会儿|(以后|之后|后来)(就)?(一直)?(再)?(也)?没(有)?(再)?(犯|发作|疼|痛|复发|出现)过?|恢复得(挺|很|不错|还行|还可以)|一直(都)?(挺|很|还)?(好|正常)(?!不|转|奇)/;
/** Something new told after the settled words (see ZH_SETTLED_SINCE): sudden, again, this time. */
export const ZH_SETTLED_THEN_NEW = new RegExp(`(${ZH_SETTLED_SINCE.source}).*(突然|又|再次|这次)`);
/** A time today (see TODAY in cues.ts); a bare 现在 is not one. */
/** Something that began in the last day or two or this week ("昨天上厕所发现…"), not a plan for them ("这几天想…"). */
export const ZH_LAST_DAYS = /(昨天|前天|这两天|这几天|这礼拜|这周|这星期).{0,8}(开始|出现|突然|发现)|(开始|突然).{0,4}(昨天|前天)/;
export const ZH_TODAY = /今天|今早|今晚|昨晚|刚才|刚刚|(?<!(一次|那次|那天|有天|那晚|有一天))半夜|这会儿|\d+\s?(分钟|小时)(前|了)/;
/** Happening now beyond doubt (see STRONG_NOW in cues.ts). */
export const ZH_STRONG_NOW: readonly RegExp[] = [
  /救命|快来人/,
  // A test named by its hours ("24小时动态心电图", "24小时尿蛋白") is no time since onset.
  /突然|忽然|猛地|一下子|刚才|刚刚|正在|这会儿|今晚|今早|半夜|\d+\s?(分钟|小时)(?!\s?(动态|尿|心电|血压|holter))|[一二两三四五六七八九十几]+来?分钟|(几|半|一|两)(个)?小时|还没停|(?<!高)血压\s?\d{2,3}|心率\s?\d|spo2|血氧\s?\d/,
  // Clinician shorthand: "2h前", "30min前", and observations ("P 112", "BP 85/50").
  /\d+\s?(h|hr|hrs|min|mins)\s?前|(^|[^a-z])(p|bp|hr|rr)\s?\d{2,3}/,
];
/** Something different this time (see CONTRAST in cues.ts). */
export const ZH_CONTRAST: readonly RegExp[] = [/但(是)?(这次|现在|今天)|这次(不一样|特别|和以前)|跟(以前|平时)不一样|比(以前|平时|往常)(严重|厉害|疼|痛)|不缓解|没缓解|不管用|没用|停不下来|(这周|这几天|今天|最近|突然).{0,6}(加重|更重|更厉害|严重了)|越来越(重|厉害|严重)/];
/** A past event or a diagnosis given as history (see HISTORY in cues.ts). */
export const ZH_HISTORY: readonly RegExp[] = [/(19|20)\d{2}\s?年|(梗|中风|发作|犯|抽)过(一次|一回|两次|几次)|生我的时候|生我那(时|会)|当年|年轻(的)?时(候)?|年轻那会(儿)?|那时候|\d+\s?多?(年|个月)(前|以前)|[一二两三四五六七八九十几]+\s?多?(年|个月)(前|以前)|去年|前年|小时候|得过|患过|做过.{0,6}手术|曾经|复查|康复|后遗症/];
/** Asked about what might happen or for training (see HYPOTHETICAL in cues.ts). */
export const ZH_HYPOTHETICAL: readonly RegExp[] = [
  // An exam in first aid or medicine is training; one's own driving test tomorrow ("明天的考试还能去吗") is not.
  // Asked ahead, in case ("先问一下以备不时之需：要是在高铁上有人突然倒地…").
  /以备不时之需|以防万一|要是(在)?.{0,10}(有人|遇到|碰到|碰上)|如果|万一|假如|假设|急救(课|培训|知识|证)|学(习)?急救|培训|(急救|护理|医学|执业|资格|规培|理论|期末|期中)考试|考试(题|内容|会考|要考|重点)/,
  // Prevention: what one has heard is dangerous and how to keep it from happening ("平时应该怎么收才安全").
  // ("听说有个什么ella更好 我这个年龄药店会卖给我吗" is hearsay about what to do now, not prevention.)
  /听说.{0,24}(危险|不能|会(中毒|致命|出事|死|伤|窒息|爆炸|烧|噎))|(怎么|如何)(收|放|存放|保管|收纳|预防|防止|避免)|(收|放|存放|保管|收纳)(才|得)?(安全|稳妥)|平时(应该|要|该)(怎么|注意)/,
];
/** Words that keep a hypothetical question real. */
/**
 * A joke turned serious ("一被批评就说“我要心梗了”。说正经的，心梗和心脏骤停是不是一回事？"): what follows
 * the turn is the question, and when it is a general one with nobody in it, the joke names no emergency.
 */
/** What marks the words before a serious turn as a joke: a quotation, a laugh, a habitual saying. */
export const ZH_JOKE_MARK = /[“"「]|哈哈|开玩笑|口头禅|(就|总|老|老是|总是|动不动就|天天|每次都?)(说|喊|嚷嚷?|念叨)/;
export const ZH_SERIOUS_TURN = /(说正经的|说真的|正经问一下|认真问一下|言归正传|不开玩笑(了|地说|的说)?|玩笑归玩笑)[，,。：:！!\s]*(.*)$/;
export const ZH_HAPPENING_AS_ASKED = /现在正在|正在|这会儿|刚才|刚刚/;

/** A long-standing or recurring problem, or planning ahead. */
export const ZH_CHRONIC: readonly RegExp[] = [/经常|常常|老是|总是|又犯|反复|多年|几年|好几个月|几个月|每次|每天|每周|慢性|预防|以前|去年|很久/];

/** Framing of a general-knowledge question ("什么是…", "…有哪些症状"). */
export const ZH_GENERAL_FRAME: readonly RegExp[] = [/^(什么是|为什么|请问什么|如何|怎样)|是什么(病|意思)?[?]?$|有哪些.{0,4}(症状|表现|原因|类型|信号)|(的|有什么).{0,4}(症状|表现|原因|病因|危险因素|并发症)|区别/];

/** Asking for a document to be written. */
export const ZH_DOCUMENT = /(写|起草|拟|撰写|生成|草拟|整理成|做(?![了过完])|出一份|开一份|开一张|出具|填写)(一份|一封|一个|个|份|封)?.{0,12}(情况说明|申请表|申请书|病历|记录|小结|出院小结|转诊信|转诊单|诊断证明|上报|事件报告|不良事件|信|证明|假条|病假条|交班|交接班|soap|sbar|医嘱单|知情同意书|宣教|通知|模板|计划|报告|提纲|旁白|稿|会诊单|会诊申请|宣传单|传单)|(?<!(需要|要不要|需不需要|有没有|开|拿|要)[a-z\s]{0,4})(出院小结|转诊信|转诊单|病程记录|交班记录|病假条|请假(说明|条|单|信|邮件)|假条)/;
/** A form's layout asked for ("按表格的格式写一下"), or notes turned into a record ("整理成规范门诊病历"): a document. */
export const ZH_DOCUMENT_FORM = /按(照)?(表格|表|模板|格式)(的)?(格式)?(写|填)|整理成.{0,8}(病历|病例|入院记录|出院小结|病程记录|交班|soap|sbar|转诊信|转诊单|会诊单|会诊申请)/;
/** Working on given records or results. */
export const ZH_HEALTH_DATA: readonly RegExp[] = [
  // A report pasted or named, then the ask ("体检报告全是日文 看不太懂 帮我看看哪些不正常", "化验单如下:").
  /(化验单|体检报告|体检单|检查报告|化验结果|检查结果|报告单|报告照片|报告截图|单子|出院小结|出院记录|病历)(如下|.{0,40}(帮我看|看看|看不懂|看不太懂|什么意思|啥意思|翻译)|给我[：:].{0,160}(什么意思|啥意思|严重不严重|要不要紧))|哪些(不正常|异常)|哪(几)?项(不正常|异常)/,
  /(总结|概括|归纳|提取|整理|解读|解释|分析|看看|看一下|看下|帮我看|帮忙看|翻译).{0,10}(生化|肝功|肾功|电解质|化验单|化验|检查报告|报告|结果|检验|病历|记录|数据|指标|片子|ct|核磁|mri|b超|心电图|血常规|血检)/,
  /(化验单|检查结果|报告|结果)(显示|上写|写着|写的|写|说|出来了)|这(个)?(结果|指标|数值)(是什么意思|正常吗|高吗|低吗)/,
  /(化验单|检查报告|报告|病历|记录|出院记录|数据|心电图|血常规)(\S{0,2})(总结|概括|归纳|提取|整理|解读)(成|为|一下)?/,
  // Readings put in a table with the abnormal ones marked ("帮我整理成表格，把异常的标出来").
  /整理成(一个|一张)?(表格|表)|(异常|不正常|偏高|偏低)的(标|圈|挑|找)出来|标(出|注)(异常|不正常)/,
];
export const ZH_EVIDENCE: readonly RegExp[] = [
  // An efficacy figure ("流感疫苗有效率才40%") is a number from the evidence.
  /有效率|保护率|证据|研究(表明|显示|发现|证明)?|文献|临床试验|试验的结论|(指南|共识)(现在)?(还)?推荐|荟萃分析|meta分析|循证|科学依据/,
  // How a trial is read: its endpoints and the size of the benefit ("主要终点分别是什么，绝对获益大概多少").
  // The results of named trials asked for ("EMPEROR-Preserved和DELIVER具体结果是怎样的").
  /(试验|研究|trial)(的)?(具体)?结果|具体结果(是)?(怎样|如何|怎么样)|[a-z]{3,}-?[a-z]*(和|与|跟)[a-z]{3,}(的)?(具体)?(结果|研究|试验)/,
  /主要终点|次要终点|终点事件|绝对获益|绝对风险|相对风险|风险比|需治疗人数|随机对照|\brcts?\b|(有没有|能不能|是否|到底)(显著)?(降低|减少)(了)?(全因)?(死亡率|死亡风险|心血管事件|住院率|复发率)/,
];
/** "Does it really work?": a question about evidence unless someone's situation is described (a folk remedy for a scald is advice). */
export const ZH_LAY_EVIDENCE = /真的(能|有用|有效|管用)|有效吗|有没有用/;
export const ZH_OTHER: readonly RegExp[] = [/(带|准备|要|需要)(些)?(什么|哪些|啥)材料|慢病卡|慢特病|门特|(免费|公费)体检|体检(都)?(查|包括|有)哪些(项目)?|带(什么|哪些)证件|(每年|一年)(都)?能(做|查)(一次|几次)|工伤|能不能报|怎么报|报不了|法律上|法律(是)?怎么规定|被追责|被家属告|被人告|会被告|要担责|承担(法律)?责任|医保|保险|报销|费用|多少钱|价格|挂号|预约|排队|哪家医院|医院排名|营业时间|app|软件|考研|找工作|换工作|工作(机会|岗位|签证|证明)|入职体检|工资(?!卡)|职业/];

/** Medicines and medicine words; generic names also by their class endings (万古霉素, 左氧氟沙星, 辛伐他汀, 低分子肝素…). */
export const ZH_DRUG =
  /布洛芬|芬必得|诺和锐|诺和灵|诺和平|来得时|优泌乐|优泌林|长秀霖|甘精|门冬|胰岛素笔|对乙酰氨基酚|扑热息痛|泰诺|必理通|阿司匹林|头孢|阿莫西林|青霉素|二甲双胍|胰岛素|格列|华法林|降压药|他汀|抗生素|消炎药|安眠药|止痛药|感冒药|退烧药|美林|泰诺林|激素|泼尼松|地塞米松|抗抑郁药|舍曲林|避孕药|维生素|钙片|甲氨蝶呤|异维a酸|异维A酸|氨溴索|氨甲蝶呤|左甲状腺素|优甲乐|甲硝唑|氯吡格雷|利伐沙班|阿哌沙班|达比加群|氨氯地平|硝苯地平|缬沙坦|氯沙坦|美托洛尔|阿托伐他汀|瑞舒伐他汀|奥美拉唑|雷贝拉唑|地高辛|胺碘酮|碳酸锂|丙戊酸|卡马西平|拉莫三嗪|左乙拉西坦|氯雷他定|西替利嗪|沙丁胺醇|布地奈德|舒利迭|万托林|信必可|吸入器|喷雾剂|曲马多|吗啡|可待因|羟氯喹|叶酸|铁剂|硫酸亚铁|甲泼尼龙|泼尼松龙|氟西汀|帕罗西汀|艾司西酞普兰|达格列净|恩格列净|卡格列净|西格列汀|利格列汀|利拉鲁肽|司美格鲁肽|度拉糖肽|阿卡波糖|螺内酯|呋塞米|沙库巴曲|培哚普利|依那普利|贝那普利|中药|药|[\u4e00-\u9fff]{1,4}(霉素|西林|沙星|他汀|洛尔|地平|沙坦|普利|肝素|替尼|单抗|环素|唑仑|西泮|培南|洛韦|替丁|拉唑|卡因)/;
/** A question about the medicine itself: dose, interaction, side effects, missed doses, stopping. */
export const ZH_MEDICATION_FRAME: readonly RegExp[] = [
  // A dose asked for in millilitres ("美林要喝几毫升").
  /(喝|吃|用|给|喂)(几|多少)(毫升|ml)/,
  /剂量|用量|多少合适|喂多少|多少(毫克|mg|片|粒|ml|毫升|克)|吃多少|吃几(片|粒|次)|一(天|日)最多|最多(可以|能)?(吃|服|用)|一次(吃|服|用|喂)?(几|多少)|喂(几|多少)(毫升|ml|片)|怎么(吃|服用)/,
  /副作用|不良反应|相互作用|冲突|相冲|相克|一起(吃|喝|服|用)|同时(吃|服|用)|和酒|喝酒|饮酒|配酒|沾酒|碰酒|喝了?一?小?(口|点|杯|两口|几口)(啤酒|白酒|红酒|酒)|伤(肾|肝|胃)|要吃一辈子|吃一辈子|要(特别)?注意(什么|的)|有什么要(特别)?注意/,
  /(能|可以)(再|同时|一起|另外|顺便)(加)?(吃|用|服)|加(吃|服|用)|再吃(一|点|些)?/,
  // A dose that went wrong, to be made up or not ("针头没拧紧…要不要补打").
  /补打|补一针|补吃|补服|漏打|少打了|打进去多少/,
  // A dose asked for as a village doctor does ("怎么给量").
  /怎么给量|给多少量|给量/,
  // Which of two medicines is taken when ("哪个是每天固定用的，哪个是喘的时候才用").
  /哪个是.{0,8}(用|吃)的|(每天|定时|固定)(固定)?(用|吃|喷)的|时候才(用|吃|喷)|用完.{0,4}漱口/,
  // Keeping a medicine: where and how ("开封在用的笔放哪儿", "胰岛素怎么保存").
  /(笔|药|胰岛素|针).{0,8}(放哪|怎么(保存|存放|放)|储存|冷藏|放冰箱)/,
  /忘(记|了)(给(她|他|孩子|老人|老太太|老爷子)?)(吃|服|喂)|补(一|吃)片|补吃|今晚吃两片|忘(记|了)(吃|服)|漏(服|吃)|多吃了|吃多了|停药|把药停|药停了|停掉|减药|换药|能不能(吃|用|服)|可以(吃|用|服).{0,6}吗|能(吃|用|服).{0,6}吗/,
  // Adjusting a medicine: reduce, stop, carry on ("二甲双胍要减量还是停？达格列净还能继续用吗？").
  /剂量(怎么|如何)(调|调整|给|算|定)|减量|加量|停用|还是停|要不要停|停(一|两|三|几)(周|天|个星期|礼拜)|先停|能停吗|停哪(个|一个|种)|哪(个|种)(药)?能停|(能|可以)?继续(用|吃|服)|还能(用|吃|服)|调整(剂量|用量)|换成/,
  // Whether a medicine still works ("左炔诺孕酮还有用吗") and how a prescription should be written ("规范的用法").
  // Whether a medicine can be taken while breastfeeding or driving ("吃了还能喂奶吗").
  /吃了(还|以后)?(能|可以)(喂奶|哺乳|开车|喝酒)|哺乳期(能|可以)(吃|用)|喂奶(期间)?(能|可以)(吃|用)/,
  /还有(用|效)吗|(规范|正确|标准)的?(用法|写法|剂量)|用法(写|是)|处方(有问题|写错|不对)/,
  // Counselling a patient on a medicine at dispensing ("发药时需要怎么跟患者交代", "用药交代").
  /(怎么|如何)(跟|和|给|向)?(患者|病人|家属)?交代|用药(交代|指导|教育)|加测inr|复查inr|监测inr/,
  // Spoken forms: "能吃不", "可以用不", "吃点布洛芬就行…行不".
  /掰(一半|半片|开)|吃(大人的)?一半|自己停|想停|换成吃|(能|可以)(吃|用|服|喝)不|(吃|用)点.{0,8}(就)?行(不|吗)|换(别的|其他|一种)?.{0,4}(药|止疼药|止痛药)/,
  // How often: "每天吃还是每周吃一次" asks about the regimen itself.
  /每(天|日|周|星期)(吃|服|用)|(每|一)(周|星期)一次|一(天|日)(吃|服)?几次|多久(吃|服|用)一次|隔天(吃|服)|饭前|饭后|空腹(吃|服)/,
];
export const ZH_ADVICE_FRAME: readonly RegExp[] = [/怎么办|该怎么|要不要|需不需要|需要(去|看|上)|应该|(可以|能).{0,6}吗|怎么处理|怎么(治|缓解)|建议|有(没有)?必要(吗)?|需要(吃|用|做)吗/];
/** Asking one's odds: whether something runs in families ("宫外孕会遗传吗") or comes back ("再来一次宫外孕的几率有多少"). */
export const ZH_ODDS_ASKED = /会(不会)?遗传|(还会|会不会|还会不会|会)(再)?复发|还会再(犯|得|发)|遗传(吗|给|性)|(再来一次|再发|复发|再次发生|再得|再犯|又犯|再患).{0,12}(几率|概率|可能性|风险)|(几率|概率)(到底|究竟|大概)?(有)?多(少|大)/;
/** Research pooled or trialled ("meta分析 纳入了14个RCT"): evidence, whatever numbers come with it. */
export const ZH_RESEARCH_ASKED = /meta分析|荟萃分析|系统评价|\brcts?\b|随机对照|\bnn[th]\b|需治疗人数|绝对风险降低|相对风险降低/;
export const ZH_INFORMATION_FRAME: readonly RegExp[] = [
  // Whether a claim passed around holds ("家族群里都在转这个…到底有没有道理").
  /有没有道理|有道理吗|是不是真的|靠不靠谱/,
  /是什么|什么是|为什么|原理|机制|区别|有哪些|是怎么回事|如何(发生|引起|起作用)|怎么(引起|形成)|是不是一回事|是一回事吗|是不是同一(种|个|回事)/,
  // Heredity and one's own odds ("宫外孕会遗传吗？我的风险会不会比别人高？") are facts asked for.
  ZH_ODDS_ASKED,
  /(风险|几率|概率|可能性)(会不会|是不是)?(比.{0,4})?(更)?(高|大)/,
];

/** A clinician writing. */
export const ZH_PROFESSIONAL: readonly Cue[] = [
  // Pharmacy or clinic staff asking about a customer ("药店这边问一下：一位女顾客…"); a customer anywhere else
  // (a shop, a restaurant, a gym) says nothing of who asks.
  [/^(我们)?(药店|药房|药剂科|诊所|卫生院|卫生室)(这边|这里)?(问一下|请教|咨询|想问)|我在(社区|小区|连锁)?(药店|药房)(上班|工作|当店员).{0,40}(顾客|客人|来了(一|位|个)|有人来买|大姐|大爷|阿姨)|(药店|药房|药剂科|诊所|卫生院|卫生室).{0,20}((一位|一个|有个|有位)(女|男|老年|年轻)?顾客|顾客(说|问|想买|要买|来买))|(一位|一个|有个|有位)(女|男|老年|年轻)?顾客.{0,30}(买药|配药|开药|拿药|处方)/, 6],
  [/(我是|作为)(一名|一个)?(\S{0,10})(医生|大夫|护士|药师|医学生|规培|住院医|主治|医师|护师|实习医生)|(我是|作为)(一名|一个)?(村医|乡村医生|赤脚医生)/, 6],
  [/我的(患者|病人)|(我们|我)科(室)?/, 5],
  // A role as a heading ("助产士：产妇产后第二天…", "社区医生：…"); with a colon only, since
  // "医生，我孩子发烧了" is a lay person addressing a doctor.
  [/^\S{0,6}(医生|大夫|护士|药师|助产士|医师|护师|规培生|住院医|麻醉师|急救员)(提问|咨询|求助|请教|求教|求问|问)?\s?[：:]/, 6],
  // A department or a place of work as the heading ("心内科医生。", "乡镇卫生院值班。", "村卫生室，…"):
  // any stop after it, since a lay person addressing a doctor names the doctor ("王医生，") not a department.
  [/^(?![^。，,：:]{0,6}我)\S{0,10}(科|医院|卫生院|卫生室|卫生站|卫生服务中心|诊所|病房|急诊|门诊|药房|药剂科|icu)(的)?(医生|大夫|护士|药师|医师|护师|值班|夜班|白班)?\s?[。，,：:]|^(村医|乡村医生|社区医生|全科医生|基层医生)(提问|咨询|求助|请教|求教|求问)?\s?[\s。，,：:]/, 6],
  // The same headings typed with a space, as in a chat ("儿科分诊 男 2y3m…", "社区医生请教一下 男 32岁",
  // "药师请教 门诊患者", "乡镇卫生院 求助 78岁女"): a department or role, then the patient or the ask.
  [/^(?![^。，,：:\s]{0,6}我)\S{0,10}(科|卫生院|卫生室|卫生站|诊所|病房|急诊|门诊|药房|分诊|预检)(的)?(夜班|白班|值班)?(医生|大夫|护士|药师|值班|夜班|分诊|门诊|窗口)?\s+(?=[男女]|\d|孕|患儿|患者|病人|老人|一(个|位|名)|求助|请教|求问|咨询|今天|昨天|刚才|刚刚|来了|有个)|^(村医|乡村医生|社区医生|全科医生|基层医生|药师|规培生|住院医)\s?(请教|求助|求问|咨询)|^\S{0,6}(住院医|主治|规培生|进修医|实习医生|护士长|护师|药师)\s?(请教|求助|求问|咨询)?(一下)?\s|^\S{0,8}(轮转|规培)(的)?(规培|医生|生)?\s/, 6],
  // Speaking for a place of care ("我们是体检中心 一个五十八岁男客户…"), or its staff asking ("体检中心护士 问一下").
  [/我们(是|这是|这里是)\S{0,6}(体检中心|体检科|卫生院|卫生室|诊所|医院|药店|药房|医务室|社区卫生服务中心)|(体检中心|体检科|卫生院|诊所|药店|医务室)的?(护士|医生|大夫|药师|医师|护师)/, 6],
  // A medical student revising a medical subject ("内分泌明天期末考", "药理考试", "执医备考").
  [ZH_MEDICAL_EXAM, 6],
  // Reviewing prescriptions is a pharmacist's work ("药剂科审方 儿科门诊医嘱…").
  [/审方|处方审核|药剂科/, 6],
  // A shift as the heading, then the patient in Latin shorthand ("夜班 急诊收上来的 19F T1DM…").
  [/^(夜班|值班|白班|早班)\s/, 6],
  [ZH_LATIN_PATIENT, 6],
  // Obstetric shorthand: gravida and para ("G2P1 孕34+2周 BP 162/108").
  [/(^|[^a-z])g\d{1,2}\s?p\d{1,2}([^a-z0-9]|$)/, 6],
  // Nursing students on placement ("护理实习生 带教老师让我们…").
  [/护理实习生|实习护士|护生|带教老师/, 6],
  [/医学生|执医|执业医师考试|规培考/, 6],
  [/患者|病人|病患/, 3],
  [/\d+(岁)?(男|女)(性)?[,，]|[男女],\s?\d+岁/, 2],
  [/鉴别诊断|查房|医嘱|病程|入院|出院|会诊|床(号|位)?\d|\d+床|处理方案|用药方案|指南|静滴|静推|口服|肌注|bid|tid|qd|iv|po/, 1],
  // A case written as a clinician writes it: the department first, a history, examination findings.
  [/^(急诊|门诊|病房|值班|夜班|规培|轮转)|(既往|高血压|糖尿病|冠心病|手术)(病)?史|现病史|主诉|查体|(下一步|接下来)(该|应该)?怎么处理|mmhg/, 2],
  // A trainee's self-description as a heading ("急诊规培一枚，问下：…").
  [/^\S{0,8}(规培|规培生|住院医|实习医生|医学生|轮转)(的)?(一枚|一只|狗|汪|小白)/, 6],
  // Handover writing: a shift or a handover as the heading ("肿瘤科夜班交班：女54，…"), the patient as sex and age.
  // A handover of one's own to write; the ward's handover going on nearby ("护士站那边在交班很忙") is someone else's.
  [/^\S{0,8}(交班|接班|夜班|值班|白班|早班|查房)\s?[：:]|(写|整理|准备|做|帮我)(一下|一份|个)?.{0,4}(交班|交接班)|(交班|交接班)(记录|单|本|内容|报告)/, 6],
  [/(^|[：:，,\s])[男女]\s?\d{1,3}\s?(岁)?[，,、\s]|(^|[：:。\s])[男女][，,、]\s?\d{1,3}\s?(岁|y|yo|yrs)[，,、\s]/, 3],
  // Observations in Latin shorthand inside Chinese ("T 38.6，P 112，BP 100/60").
  [/(^|[^a-z])(t|p|bp|hr|rr|spo2|sao2|gcs)\s?\d{2,3}/, 2],
];
/** A layperson writing about themselves or family. */
export const ZH_LAY: readonly Cue[] = [
  [new RegExp(`我(的|家)?${ZH_FAMILY}|^${ZH_FAMILY}`), 3],
  [new RegExp(ZH_FAMILY), 2],
  [ZH_FEELING_UNSAID_I, 3],
  // Writing formally about oneself ("本人七十岁，患糖尿病十余年").
  [/^本人|本人(今年|现年|\d|[一二三四五六七八九十])/, 3],
  [/我(感冒|发烧|发热|咳嗽|在吃|正在|牙|腰|胃|血压|血糖)|我的(?!(患者|病人|学生))|撑不下去|受不了了|心好累|好难受/, 2],
  [/我(有|得了|吃了|吃|感觉|觉得|一直|最近|今天|昨天|早上|怀孕|\d+岁|不想|想|头|肚子|胸口|嗓子|老是|总是|吐|突然|刚才|现在|喝|被)/, 3],
  // Someone telling their own life ("我在深圳上班", "我也不知道", "我已经攒了…").
  [/我(在|也|已经|自己|就|还|又|都|这|那|上班|老家)/, 3],
  [/(?<![鸡鸭鹅皮咸])蛋疼|蛋蛋|拉肚子|肚子(疼|痛)|屁股/, 2],
  [/怎么办|担心|害怕|好怕|吓死/, 1],
  // Looking after others without being a clinician: a coach, a teacher, a carer ("我是护工", "带班的老师").
  [/教练|老师|班主任|护工|保姆|月嫂|育儿嫂|保安|救生员|宿管/, 2],
  // How a layperson tells it: similes and intensifiers ("像针扎一样疼", "疼得直叫唤"), the doctor reported, the pharmacy.
  [/像.{1,10}(一样|似的)|(特别|好|非常)(疼|痛|难受|快|厉害)|(疼|痛)得(直|要命|受不了|不行)|医生(说|让|叫)|(去|在)药店|我(到底|是不是|会不会|该不该)/, 2],
];

/** Contested or weak-evidence topics. */
export const ZH_CONTESTED: readonly RegExp[] = [/保健品.{0,8}(有用|有效|管用|能治|真的|靠谱)|偏方|中药.{0,4}(有用|有效|管用)|真的(有用|有效|能)|争议|说法不一|维生素.{0,6}(预防|治疗)|排毒|酵素|益生菌|新药|最新研究/];
/** Facts that make a personal question answerable. */
export const ZH_CONTEXT_FACTS: readonly RegExp[] = [
  /\d+(岁|个月|周|天)|[一二两三四五六七八九十]+(岁|个月|周|天)/,
  /\d+(\.\d+)?\s?(kg|公斤|斤)|体重/,
  /(小时|天|周|月|年)(了|以来)|从(昨天|今天|早上|上周)|昨天|今天|早上|刚才/,
  /\d+(\.\d+)?\s?(mg|毫克|ml|毫升|片|粒)/,
  /(\d+(\.\d+)?)\s?(度|℃)/,
];
