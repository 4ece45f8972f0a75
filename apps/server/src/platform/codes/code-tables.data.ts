/**
 * National code tables (Chinese education data standards), as versioned, checked data.
 *
 * COMPLIANCE §2: code tables are stored as versioned dictionaries (category, code, label) and every
 * table must be checked against its standard, because public copies on GitHub contain errors. Each table
 * below names its source standard; where public copies disagreed, the choice and the reason are given in a
 * `//` comment next to the entry. Tables marked "platform-defined" have no verifiable national code list
 * and say so in `standard`.
 *
 * Verification notes (summary; details next to each table):
 * - Public copies seen with errors: ethnicity numbered 57 穿青人族 / 58 其他 / 59 外国血统 and letter codes
 *   copied out of order; 毛难族 (pre-1986 name) instead of the 毛南族 of GB 3304-91; 崩龙族 for 德昂族;
 *   健康状况 2 spelled 一般货较弱; GB/T 4761 code 92 duplicated as 堂兄弟; ID-type codes renumbered 01–10/99.
 */

export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
  parent?: string;
  sort?: number;
}

export interface CodeTable {
  category: string;
  standard: string;
  version: string;
  title: string;
  entries: CodeEntry[];
}

// GB/T 2261.1-2003 人的性别代码. The standard's labels are 男性/女性 (not 男/女); UIs may shorten them.
const gender: CodeTable = {
  category: 'gender',
  standard: 'GB/T 2261.1-2003',
  version: '2003',
  title: '人的性别',
  entries: [
    { code: '0', zh: '未知的性别', en: 'Not known' },
    { code: '1', zh: '男性', en: 'Male' },
    { code: '2', zh: '女性', en: 'Female' },
    { code: '9', zh: '未说明的性别', en: 'Not stated' },
  ],
};

// GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码. Numeric codes and order checked against the
// GB 3304-91 text (Wikisource transcription) and two education data-dictionary copies.
// `en` is the standard's romanization; for 藏族 and 朝鲜族 the standard's note gives Tibetan and Korean
// for external use, so those are used. The standard spells Uygur and Buyei (not Uyghur / Bouyei).
// 36 is 毛南族 in GB 3304-91 (renamed from 毛难族 in 1986); many public copies still carry 毛难族.
const ethnicity: CodeTable = {
  category: 'ethnicity',
  standard: 'GB/T 3304-1991',
  version: '1991',
  title: '民族',
  entries: [
    { code: '01', zh: '汉族', en: 'Han' },
    { code: '02', zh: '蒙古族', en: 'Mongol' },
    { code: '03', zh: '回族', en: 'Hui' },
    { code: '04', zh: '藏族', en: 'Tibetan' },
    { code: '05', zh: '维吾尔族', en: 'Uygur' },
    { code: '06', zh: '苗族', en: 'Miao' },
    { code: '07', zh: '彝族', en: 'Yi' },
    { code: '08', zh: '壮族', en: 'Zhuang' },
    { code: '09', zh: '布依族', en: 'Buyei' },
    { code: '10', zh: '朝鲜族', en: 'Korean' },
    { code: '11', zh: '满族', en: 'Man' },
    { code: '12', zh: '侗族', en: 'Dong' },
    { code: '13', zh: '瑶族', en: 'Yao' },
    { code: '14', zh: '白族', en: 'Bai' },
    { code: '15', zh: '土家族', en: 'Tujia' },
    { code: '16', zh: '哈尼族', en: 'Hani' },
    { code: '17', zh: '哈萨克族', en: 'Kazak' },
    { code: '18', zh: '傣族', en: 'Dai' },
    { code: '19', zh: '黎族', en: 'Li' },
    { code: '20', zh: '傈僳族', en: 'Lisu' },
    { code: '21', zh: '佤族', en: 'Va' },
    { code: '22', zh: '畲族', en: 'She' },
    { code: '23', zh: '高山族', en: 'Gaoshan' },
    { code: '24', zh: '拉祜族', en: 'Lahu' },
    { code: '25', zh: '水族', en: 'Sui' },
    { code: '26', zh: '东乡族', en: 'Dongxiang' },
    { code: '27', zh: '纳西族', en: 'Naxi' },
    { code: '28', zh: '景颇族', en: 'Jingpo' },
    { code: '29', zh: '柯尔克孜族', en: 'Kirgiz' },
    { code: '30', zh: '土族', en: 'Tu' },
    { code: '31', zh: '达斡尔族', en: 'Daur' },
    { code: '32', zh: '仫佬族', en: 'Mulao' },
    { code: '33', zh: '羌族', en: 'Qiang' },
    { code: '34', zh: '布朗族', en: 'Blang' },
    { code: '35', zh: '撒拉族', en: 'Salar' },
    { code: '36', zh: '毛南族', en: 'Maonan' },
    { code: '37', zh: '仡佬族', en: 'Gelao' },
    { code: '38', zh: '锡伯族', en: 'Xibe' },
    { code: '39', zh: '阿昌族', en: 'Achang' },
    { code: '40', zh: '普米族', en: 'Pumi' },
    { code: '41', zh: '塔吉克族', en: 'Tajik' },
    { code: '42', zh: '怒族', en: 'Nu' },
    { code: '43', zh: '乌孜别克族', en: 'Uzbek' },
    { code: '44', zh: '俄罗斯族', en: 'Russ' },
    { code: '45', zh: '鄂温克族', en: 'Ewenki' },
    // 德昂族 (not the former name 崩龙族 found in some copies).
    { code: '46', zh: '德昂族', en: 'Deang' },
    { code: '47', zh: '保安族', en: 'Bonan' },
    { code: '48', zh: '裕固族', en: 'Yugur' },
    { code: '49', zh: '京族', en: 'Gin' },
    { code: '50', zh: '塔塔尔族', en: 'Tatar' },
    { code: '51', zh: '独龙族', en: 'Derung' },
    { code: '52', zh: '鄂伦春族', en: 'Oroqen' },
    { code: '53', zh: '赫哲族', en: 'Hezhen' },
    { code: '54', zh: '门巴族', en: 'Monba' },
    { code: '55', zh: '珞巴族', en: 'Lhoba' },
    { code: '56', zh: '基诺族', en: 'Jino' },
    // 97/98 are the two extra codes carried by the education copies of GB/T 3304 and by ID-card readers;
    // the Wikisource transcription we could read shows only the 56-row tables, so these two rows are not
    // confirmed from the primary text. 穿青人族 (81 or 57 in some copies) is not in the standard: left out.
    { code: '97', zh: '其他', en: 'Other' },
    { code: '98', zh: '外国血统中国籍人士', en: 'Chinese citizen of foreign origin' },
  ],
};

// JY/T 1001-2012 身份证件类型代码 (SFZJLX). Three independent copies agree on every code and label.
// The 学籍 system offers students only 1, 6, 7, 8, 9, A, B and Z of these.
const idType: CodeTable = {
  category: 'id_type',
  standard: 'JY/T 1001-2012 (SFZJLX)',
  version: '2012',
  title: '身份证件类型',
  entries: [
    { code: '1', zh: '居民身份证', en: 'Resident Identity Card' },
    { code: '2', zh: '军官证', en: 'Military officer ID' },
    { code: '3', zh: '士兵证', en: 'Soldier ID' },
    { code: '4', zh: '文职干部证', en: 'Military civilian cadre ID' },
    { code: '5', zh: '部队离退休证', en: 'Military retirement certificate' },
    { code: '6', zh: '香港特区护照/身份证明', en: 'Hong Kong SAR passport / identity document' },
    { code: '7', zh: '澳门特区护照/身份证明', en: 'Macao SAR passport / identity document' },
    { code: '8', zh: '台湾居民来往大陆通行证', en: 'Mainland travel permit for Taiwan residents' },
    { code: '9', zh: '境外永久居住证', en: 'Permanent residence permit (outside the mainland)' },
    { code: 'A', zh: '护照', en: 'Passport' },
    { code: 'B', zh: '户口簿', en: 'Household register (hukou booklet)' },
    { code: 'Z', zh: '其他', en: 'Other' },
  ],
};

// Platform-defined: no public text of JY/T 0633-2022 giving 学段 codes was available to check.
// Codes 1–4 coincide with JY/T 1001-2012 任课学段 (RKXD: 1 学前教育, 2 小学, 3 普通初中, 4 普通高中);
// 5, 6 and 9 are local. Careful: in RKXD, 5 = 职业初中 and 6 = 职业高中, so do not exchange these codes
// with systems that use RKXD beyond 1–4.
const stage: CodeTable = {
  category: 'stage',
  standard: 'Hanlin platform-defined (codes 1–4 match JY/T 1001-2012 RKXD; 5, 6, 9 local)',
  version: '1',
  title: '学段',
  entries: [
    { code: '1', zh: '学前教育', en: 'Pre-school education' },
    { code: '2', zh: '小学', en: 'Primary school' },
    { code: '3', zh: '初中', en: 'Junior secondary school' },
    { code: '4', zh: '普通高中', en: 'General senior secondary school' },
    { code: '5', zh: '中等职业教育', en: 'Secondary vocational education' },
    { code: '6', zh: '高等教育', en: 'Higher education' },
    { code: '9', zh: '培训机构', en: 'Training institution' },
  ],
};

// JY/T 1001-2012 办学类型代码 (BXLX): the three-digit leaf codes only (the 1- and 2-digit rows of the
// standard are grouping levels: first digit = level of education, first two = school category).
// Two independent copies agree on every code and label. There is no 367 in the standard.
const schoolType: CodeTable = {
  category: 'school_type',
  standard: 'JY/T 1001-2012 (BXLX)',
  version: '2012',
  title: '办学类型',
  entries: [
    { code: '111', zh: '幼儿园', en: 'Kindergarten' },
    { code: '119', zh: '附设幼儿班', en: 'Attached kindergarten class' },
    { code: '211', zh: '小学', en: 'Primary school' },
    { code: '218', zh: '小学教学点', en: 'Primary teaching point' },
    { code: '219', zh: '附设小学班', en: 'Attached primary class' },
    { code: '221', zh: '职工小学', en: 'Workers’ primary school' },
    { code: '222', zh: '农民小学', en: 'Farmers’ primary school' },
    { code: '228', zh: '小学班', en: 'Adult primary class' },
    { code: '229', zh: '扫盲班', en: 'Literacy class' },
    { code: '311', zh: '初级中学', en: 'Junior secondary school' },
    { code: '312', zh: '九年一贯制学校', en: 'Nine-year integrated school' },
    { code: '319', zh: '附设普通初中班', en: 'Attached junior secondary class' },
    { code: '321', zh: '职业初中', en: 'Vocational junior secondary school' },
    { code: '329', zh: '附设职业初中班', en: 'Attached vocational junior secondary class' },
    { code: '331', zh: '成人职工初中', en: 'Adult workers’ junior secondary school' },
    { code: '332', zh: '成人农民初中', en: 'Adult farmers’ junior secondary school' },
    { code: '341', zh: '完全中学', en: 'Complete secondary school (junior and senior)' },
    { code: '342', zh: '高级中学', en: 'Senior secondary school' },
    { code: '345', zh: '十二年一贯制学校', en: 'Twelve-year integrated school' },
    { code: '349', zh: '附设普通高中班', en: 'Attached senior secondary class' },
    { code: '351', zh: '成人职工高中', en: 'Adult workers’ senior secondary school' },
    { code: '352', zh: '成人农民高中', en: 'Adult farmers’ senior secondary school' },
    { code: '361', zh: '调整后中等职业学校', en: 'Restructured secondary vocational school' },
    { code: '362', zh: '中等技术学校', en: 'Secondary technical school' },
    { code: '363', zh: '中等师范学校', en: 'Secondary normal school' },
    { code: '364', zh: '成人中等专业学校', en: 'Adult secondary specialized school' },
    { code: '365', zh: '职业高中学校', en: 'Vocational senior secondary school' },
    { code: '366', zh: '技工学校', en: 'Skilled workers’ school' },
    { code: '368', zh: '附设中职班', en: 'Attached secondary vocational class' },
    { code: '369', zh: '其他机构', en: 'Other secondary vocational institution' },
    { code: '371', zh: '工读学校', en: 'Work-study school' },
    { code: '411', zh: '本科院校：大学', en: 'Undergraduate institution: university' },
    { code: '412', zh: '本科院校：学院', en: 'Undergraduate institution: college' },
    { code: '413', zh: '本科院校：独立学院', en: 'Undergraduate institution: independent college' },
    { code: '414', zh: '专科院校：高等专科学校', en: 'Junior college: higher specialized college' },
    { code: '415', zh: '专科院校：高等职业学校', en: 'Junior college: higher vocational college' },
    { code: '419', zh: '其他机构：分校、大专班', en: 'Other: branch campus or junior-college class' },
    { code: '421', zh: '职工高校', en: 'Workers’ college' },
    { code: '422', zh: '农民高校', en: 'Farmers’ college' },
    { code: '423', zh: '管理干部学院', en: 'Management cadre institute' },
    { code: '424', zh: '教育学院', en: 'Institute of education' },
    { code: '425', zh: '独立函授学院', en: 'Independent correspondence college' },
    { code: '426', zh: '广播电视大学', en: 'Radio and TV university' },
    { code: '429', zh: '其他成人高等教育机构', en: 'Other adult higher education institution' },
    { code: '511', zh: '盲人学校', en: 'School for the blind' },
    { code: '512', zh: '聋人学校', en: 'School for the deaf' },
    // Label as in the standard; current usage is 培智学校.
    { code: '513', zh: '弱智学校', en: 'School for children with intellectual disabilities' },
    { code: '514', zh: '其他特殊教育学校', en: 'Other special education school' },
    { code: '519', zh: '附设特教班', en: 'Attached special education class' },
    { code: '911', zh: '培养研究生的科研机构', en: 'Research institution training graduate students' },
    { code: '921', zh: '民办的其他高等教育机构', en: 'Other private higher education institution' },
    { code: '931', zh: '职工技术培训学校（机构）', en: 'Workers’ technical training school' },
    {
      code: '932',
      zh: '农村成人文化技术培训学校（机构）',
      en: 'Rural adult culture and technical training school',
    },
    {
      code: '933',
      zh: '其他培训机构（含社会培训机构）',
      en: 'Other training institution (incl. private training)',
    },
  ],
};

// Platform-defined. JY/T 1001-2012 年级代码 (NJ) is the statistics table 1 一年级 … 10 六年级及以上, which
// does not say which stage a grade belongs to. We use the widely used two-digit convention
// (first digit: 1 primary, 2 junior, 3 senior; second digit: year) seen in many school systems; it could
// not be confirmed against a published standard. Kindergarten codes 01–04 zero-pad JY/T 1001-2012 幼儿班级
// 类型 (1 托班, 2 小班, 3 中班, 4 大班). 24 初中四年级 exists only in the 5+4 system. `parent` = stage code.
const grade: CodeTable = {
  category: 'grade',
  standard: 'Hanlin platform-defined (kindergarten from JY/T 1001-2012 幼儿班级类型; K-12 de facto 11–33)',
  version: '1',
  title: '年级',
  entries: [
    { code: '01', zh: '托班', en: 'Nursery class', parent: '1' },
    { code: '02', zh: '小班', en: 'Kindergarten, junior class', parent: '1' },
    { code: '03', zh: '中班', en: 'Kindergarten, middle class', parent: '1' },
    { code: '04', zh: '大班', en: 'Kindergarten, senior class', parent: '1' },
    { code: '11', zh: '小学一年级', en: 'Primary, year 1', parent: '2' },
    { code: '12', zh: '小学二年级', en: 'Primary, year 2', parent: '2' },
    { code: '13', zh: '小学三年级', en: 'Primary, year 3', parent: '2' },
    { code: '14', zh: '小学四年级', en: 'Primary, year 4', parent: '2' },
    { code: '15', zh: '小学五年级', en: 'Primary, year 5', parent: '2' },
    { code: '16', zh: '小学六年级', en: 'Primary, year 6', parent: '2' },
    { code: '21', zh: '初中一年级', en: 'Junior secondary, year 1', parent: '3' },
    { code: '22', zh: '初中二年级', en: 'Junior secondary, year 2', parent: '3' },
    { code: '23', zh: '初中三年级', en: 'Junior secondary, year 3', parent: '3' },
    { code: '24', zh: '初中四年级', en: 'Junior secondary, year 4 (5+4 system)', parent: '3' },
    { code: '31', zh: '高中一年级', en: 'Senior secondary, year 1', parent: '4' },
    { code: '32', zh: '高中二年级', en: 'Senior secondary, year 2', parent: '4' },
    { code: '33', zh: '高中三年级', en: 'Senior secondary, year 3', parent: '4' },
  ],
};

// JY/T 1001-2012 中小学课程代码 (ZXXKC): the complete list, in the standard's labels (2012 curriculum,
// hence 思想品德（政治）, not the later 道德与法治 / 思想政治). Three independent copies agree.
// Note that 信息技术 appears twice: 26 for general senior secondary, 61 for primary and junior.
const subject: CodeTable = {
  category: 'subject',
  standard: 'JY/T 1001-2012 (ZXXKC)',
  version: '2012',
  title: '中小学课程',
  entries: [
    { code: '11', zh: '品德与生活（社会）', en: 'Morality and Life (Society)' },
    { code: '12', zh: '思想品德（政治）', en: 'Ideology and Morality (Politics)' },
    { code: '13', zh: '语文', en: 'Chinese' },
    { code: '14', zh: '数学', en: 'Mathematics' },
    { code: '15', zh: '科学', en: 'Science' },
    { code: '16', zh: '物理', en: 'Physics' },
    { code: '17', zh: '化学', en: 'Chemistry' },
    { code: '18', zh: '生物', en: 'Biology' },
    { code: '19', zh: '历史与社会', en: 'History and Society' },
    { code: '20', zh: '地理', en: 'Geography' },
    { code: '21', zh: '历史', en: 'History' },
    { code: '22', zh: '体育与健康', en: 'Physical Education and Health' },
    { code: '23', zh: '艺术', en: 'Arts' },
    { code: '24', zh: '音乐', en: 'Music' },
    { code: '25', zh: '美术', en: 'Fine Arts' },
    { code: '26', zh: '信息技术', en: 'Information Technology (senior secondary)' },
    { code: '27', zh: '通用技术', en: 'General Technology' },
    { code: '40', zh: '外语', en: 'Foreign Language' },
    { code: '41', zh: '英语', en: 'English' },
    { code: '42', zh: '日语', en: 'Japanese' },
    { code: '43', zh: '俄语', en: 'Russian' },
    { code: '49', zh: '其他外国语', en: 'Other Foreign Language' },
    { code: '60', zh: '综合实践活动', en: 'Integrated Practical Activities' },
    { code: '61', zh: '信息技术', en: 'Information Technology (primary and junior)' },
    { code: '62', zh: '劳动与技术', en: 'Labour and Technology' },
  ],
};

// GB/T 2260 行政区划代码 as maintained by the Ministry of Civil Affairs. The Guangzhou codes last changed
// in 2014 (萝岗区 merged into 黄埔区 440112; 从化 and 增城 became districts 440117 and 440118), so the
// district list is the 2014 one; it matches current MCA-derived lists in several public copies.
const division: CodeTable = {
  category: 'division',
  standard: 'GB/T 2260 (MCA code list)',
  version: '2014',
  title: '行政区划',
  entries: [
    { code: '440000', zh: '广东省', en: 'Guangdong Province' },
    { code: '440100', zh: '广州市', en: 'Guangzhou', parent: '440000' },
    { code: '440103', zh: '荔湾区', en: 'Liwan District', parent: '440100' },
    { code: '440104', zh: '越秀区', en: 'Yuexiu District', parent: '440100' },
    { code: '440105', zh: '海珠区', en: 'Haizhu District', parent: '440100' },
    { code: '440106', zh: '天河区', en: 'Tianhe District', parent: '440100' },
    { code: '440111', zh: '白云区', en: 'Baiyun District', parent: '440100' },
    { code: '440112', zh: '黄埔区', en: 'Huangpu District', parent: '440100' },
    { code: '440113', zh: '番禺区', en: 'Panyu District', parent: '440100' },
    { code: '440114', zh: '花都区', en: 'Huadu District', parent: '440100' },
    { code: '440115', zh: '南沙区', en: 'Nansha District', parent: '440100' },
    { code: '440117', zh: '从化区', en: 'Conghua District', parent: '440100' },
    { code: '440118', zh: '增城区', en: 'Zengcheng District', parent: '440100' },
  ],
};

// GB/T 2659-2000 世界各国和地区名称代码 (equivalent to ISO 3166-1:1997): three-letter codes, with the
// numeric code in `sort`. `zh` is the standard's 中文简称: 香港, 澳门 and 台湾 (both education copies we
// checked agree; the brief suggested 中国香港 etc., which are display forms, not the standard's short names).
// GB/T 2659-2000 was replaced by GB/T 2659.1-2022 in 2023; the alpha-3 codes listed here are unchanged.
const nationality: CodeTable = {
  category: 'nationality',
  standard: 'GB/T 2659-2000',
  version: '2000',
  title: '国籍/地区',
  entries: [
    { code: 'CHN', zh: '中国', en: 'China', sort: 156 },
    { code: 'HKG', zh: '香港', en: 'Hong Kong, China', sort: 344 },
    { code: 'MAC', zh: '澳门', en: 'Macao, China', sort: 446 },
    { code: 'TWN', zh: '台湾', en: 'Taiwan, China', sort: 158 },
    { code: 'USA', zh: '美国', en: 'United States', sort: 840 },
    { code: 'GBR', zh: '英国', en: 'United Kingdom', sort: 826 },
    { code: 'FRA', zh: '法国', en: 'France', sort: 250 },
    { code: 'DEU', zh: '德国', en: 'Germany', sort: 276 },
    { code: 'ITA', zh: '意大利', en: 'Italy', sort: 380 },
    { code: 'ESP', zh: '西班牙', en: 'Spain', sort: 724 },
    { code: 'NLD', zh: '荷兰', en: 'Netherlands', sort: 528 },
    { code: 'CHE', zh: '瑞士', en: 'Switzerland', sort: 756 },
    { code: 'RUS', zh: '俄罗斯联邦', en: 'Russian Federation', sort: 643 },
    { code: 'JPN', zh: '日本', en: 'Japan', sort: 392 },
    { code: 'KOR', zh: '韩国', en: 'Republic of Korea', sort: 410 },
    { code: 'PRK', zh: '朝鲜', en: 'Democratic People’s Republic of Korea', sort: 408 },
    { code: 'SGP', zh: '新加坡', en: 'Singapore', sort: 702 },
    { code: 'MYS', zh: '马来西亚', en: 'Malaysia', sort: 458 },
    { code: 'THA', zh: '泰国', en: 'Thailand', sort: 764 },
    { code: 'VNM', zh: '越南', en: 'Viet Nam', sort: 704 },
    { code: 'PHL', zh: '菲律宾', en: 'Philippines', sort: 608 },
    { code: 'IDN', zh: '印度尼西亚', en: 'Indonesia', sort: 360 },
    { code: 'IND', zh: '印度', en: 'India', sort: 356 },
    { code: 'AUS', zh: '澳大利亚', en: 'Australia', sort: 36 },
    { code: 'NZL', zh: '新西兰', en: 'New Zealand', sort: 554 },
    { code: 'CAN', zh: '加拿大', en: 'Canada', sort: 124 },
    { code: 'BRA', zh: '巴西', en: 'Brazil', sort: 76 },
  ],
};

// GB/T 2261.3-2003 健康状况代码, one-digit codes (as adopted by JY/T 1001 and the 学籍 system).
// One public copy misspells 2 as 一般货较弱.
const health: CodeTable = {
  category: 'health',
  standard: 'GB/T 2261.3-2003',
  version: '2003',
  title: '健康状况',
  entries: [
    { code: '1', zh: '健康或良好', en: 'Healthy or good' },
    { code: '2', zh: '一般或较弱', en: 'Fair or weak' },
    { code: '3', zh: '有慢性病', en: 'Chronic illness' },
    { code: '6', zh: '残疾', en: 'Disability' },
  ],
};

// GB/T 26341-2010 残疾人残疾分类和分级: seven categories, coded 1–7 in the standard's order (the same
// digit is the category digit of the national disability certificate number, and GB/T 2261.3 uses 61–67
// for the same order). 0 无残疾 is a platform code for "no disability". The full JY/T 1001 student
// disability table (CJLX) could not be found; the education-statistics 残疾人类型 uses a coarser scheme.
const disability: CodeTable = {
  category: 'disability',
  standard: 'GB/T 26341-2010 (0 = platform code for no disability)',
  version: '2010',
  title: '残疾类型',
  entries: [
    { code: '0', zh: '无残疾', en: 'No disability' },
    { code: '1', zh: '视力残疾', en: 'Visual disability' },
    { code: '2', zh: '听力残疾', en: 'Hearing disability' },
    { code: '3', zh: '言语残疾', en: 'Speech disability' },
    { code: '4', zh: '肢体残疾', en: 'Physical disability' },
    { code: '5', zh: '智力残疾', en: 'Intellectual disability' },
    { code: '6', zh: '精神残疾', en: 'Psychosocial (mental) disability' },
    { code: '7', zh: '多重残疾', en: 'Multiple disabilities' },
  ],
};

// 户口性质 as used by the national student-status system (全国中小学生学籍信息管理系统, 2014 form guide).
// Beware: GA 324.1-2001 户口类别 uses the opposite order (1 非农业家庭户口, 2 农业家庭户口). A 3 居民户口
// code for post-2014 unified registration could not be found in any source, so it is not added.
const householdType: CodeTable = {
  category: 'household_type',
  standard: '全国中小学生学籍信息管理系统 户口性质',
  version: '2014',
  title: '户口性质',
  entries: [
    { code: '1', zh: '农业户口', en: 'Agricultural hukou' },
    { code: '2', zh: '非农业户口', en: 'Non-agricultural hukou' },
  ],
};

// JY/T 1001-2012 入学方式代码 (RXFS), two-digit; four copies agree on the codes. The two copies that list
// 11 differ on its label (预科 / 预科班); 预科 is kept as the shorter form, not confirmed from the text.
// The 学籍 system uses its own set (11 就近入学, 12 其他, 21 统一招生考试/普通入学, 22 体育特招,
// 23 艺术特招, 99 其他), which importers must map onto this table.
const entryMode: CodeTable = {
  category: 'entry_mode',
  standard: 'JY/T 1001-2012 (RXFS)',
  version: '2012',
  title: '入学方式',
  entries: [
    { code: '01', zh: '统一招生考试/普通入学', en: 'Unified entrance examination / regular admission' },
    { code: '02', zh: '保送', en: 'Recommended admission' },
    { code: '03', zh: '民族班', en: 'Ethnic-minority class' },
    { code: '04', zh: '定向培养', en: 'Targeted training' },
    { code: '05', zh: '体育特招', en: 'Special admission for sports' },
    { code: '06', zh: '文艺特招', en: 'Special admission for arts' },
    { code: '07', zh: '学生干部保送', en: 'Recommended admission of student leaders' },
    { code: '08', zh: '考试推荐', en: 'Examination and recommendation' },
    { code: '09', zh: '外校转入', en: 'Transfer from another school' },
    { code: '10', zh: '恢复入学资格', en: 'Reinstated admission' },
    { code: '11', zh: '预科', en: 'Preparatory programme' },
    { code: '12', zh: '来华留学', en: 'International student' },
    { code: '99', zh: '其他', en: 'Other' },
  ],
};

// JY/T 1001-2012 就读方式代码 (JDFS). 1 走读 / 2 住校 agree between the JY/T copy and the 学籍 form guide;
// that one copy also lists 3 借宿 and 9 其他, which no other source confirms, so they are left out.
const studyMode: CodeTable = {
  category: 'study_mode',
  standard: 'JY/T 1001-2012 (JDFS)',
  version: '2012',
  title: '就读方式',
  entries: [
    { code: '1', zh: '走读', en: 'Day student' },
    { code: '2', zh: '住校', en: 'Boarding student' },
  ],
};

// 是否留守儿童 as defined by the national student-status system form guide: a left-behind child has one or
// both parents working away for three months or more. No JY/T 1001 table for this field was found.
const leftBehind: CodeTable = {
  category: 'left_behind',
  standard: '全国中小学生学籍信息管理系统 是否留守儿童',
  version: '2014',
  title: '留守儿童',
  entries: [
    { code: '0', zh: '非留守儿童', en: 'Not a left-behind child' },
    { code: '1', zh: '单亲留守儿童', en: 'Left behind by one parent' },
    { code: '2', zh: '双亲留守儿童', en: 'Left behind by both parents' },
  ],
};

// GB/T 4761-2008 家庭关系代码: the two-digit codes relevant to a student's guardians (subset).
// Copies differ on 87 (姨夫 / 姨父) and 97 (其他亲属 / 其他亲戚): the majority form is kept. One copy repeats
// 堂兄弟、堂姐妹 under 92, which is 表兄弟、表姐妹 in the standard.
const guardianRelation: CodeTable = {
  category: 'guardian_relation',
  standard: 'GB/T 4761-2008',
  version: '2008',
  title: '家庭关系',
  entries: [
    { code: '51', zh: '父亲', en: 'Father' },
    { code: '52', zh: '母亲', en: 'Mother' },
    { code: '57', zh: '继父或养父', en: 'Stepfather or adoptive father' },
    { code: '58', zh: '继母或养母', en: 'Stepmother or adoptive mother' },
    { code: '59', zh: '其他父母关系', en: 'Other parental relationship' },
    { code: '61', zh: '祖父', en: 'Paternal grandfather' },
    { code: '62', zh: '祖母', en: 'Paternal grandmother' },
    { code: '63', zh: '外祖父', en: 'Maternal grandfather' },
    { code: '64', zh: '外祖母', en: 'Maternal grandmother' },
    { code: '66', zh: '曾祖父', en: 'Great-grandfather' },
    { code: '67', zh: '曾祖母', en: 'Great-grandmother' },
    { code: '71', zh: '兄', en: 'Elder brother' },
    { code: '72', zh: '嫂', en: 'Elder brother’s wife' },
    { code: '73', zh: '弟', en: 'Younger brother' },
    { code: '75', zh: '姐姐', en: 'Elder sister' },
    { code: '76', zh: '姐夫', en: 'Elder sister’s husband' },
    { code: '77', zh: '妹妹', en: 'Younger sister' },
    { code: '79', zh: '其他兄弟姐妹', en: 'Other sibling' },
    { code: '81', zh: '伯父', en: 'Father’s elder brother' },
    { code: '82', zh: '伯母', en: 'Wife of father’s elder brother' },
    { code: '83', zh: '叔父', en: 'Father’s younger brother' },
    { code: '84', zh: '婶母', en: 'Wife of father’s younger brother' },
    { code: '85', zh: '舅父', en: 'Mother’s brother' },
    { code: '86', zh: '舅母', en: 'Wife of mother’s brother' },
    { code: '87', zh: '姨夫', en: 'Husband of mother’s sister' },
    { code: '88', zh: '姨母', en: 'Mother’s sister' },
    { code: '89', zh: '姑父', en: 'Husband of father’s sister' },
    { code: '90', zh: '姑母', en: 'Father’s sister' },
    { code: '91', zh: '堂兄弟、堂姐妹', en: 'Paternal cousin' },
    { code: '92', zh: '表兄弟、表姐妹', en: 'Cousin (other than paternal)' },
    { code: '97', zh: '其他亲属', en: 'Other relative' },
    { code: '99', zh: '非亲属', en: 'Non-relative' },
  ],
};

// Platform-defined. Titles are those of the unified primary/secondary teacher title system (人社部发
// 〔2015〕79号). GB/T 8561 series codes for these titles could not be verified (public copies only list the
// pre-2015 中学/小学 titles), so local codes are used; the digit follows the level order 正高级, 副高级,
// 中级, 助理级, 员级.
const teacherTitle: CodeTable = {
  category: 'teacher_title',
  standard: 'Hanlin platform-defined (titles per 人社部发〔2015〕79号; GB/T 8561 codes not verified)',
  version: '1',
  title: '中小学教师专业技术职务',
  entries: [
    { code: '1', zh: '正高级教师', en: 'Senior teacher, full professor level' },
    { code: '2', zh: '高级教师', en: 'Senior teacher' },
    { code: '3', zh: '一级教师', en: 'First-grade teacher' },
    { code: '4', zh: '二级教师', en: 'Second-grade teacher' },
    { code: '5', zh: '三级教师', en: 'Third-grade teacher' },
  ],
};

export const CODE_TABLES: CodeTable[] = [
  gender,
  ethnicity,
  idType,
  stage,
  schoolType,
  grade,
  subject,
  division,
  nationality,
  health,
  disability,
  householdType,
  entryMode,
  studyMode,
  leftBehind,
  guardianRelation,
  teacherTitle,
];
