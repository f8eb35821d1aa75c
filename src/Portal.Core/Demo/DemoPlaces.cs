namespace Portal.Core.Demo;

/// <summary>Places, people and organisations of demo articles (as in the search corpus's building blocks).</summary>
internal static class DemoPlaces
{
    /// <summary>Prefectures: full name, short form for department names, counties, weight, whether a county is always named.</summary>
    public static IReadOnlyList<(string Name, string Short, string[] Counties, int Weight, bool CountyAlways)> Prefectures { get; } =
    [
        ("吐鲁番市", "吐鲁番市", ["高昌区", "鄯善县", "托克逊县"], 4, true),
        ("哈密市", "哈密市", ["伊州区", "巴里坤哈萨克自治县", "伊吾县"], 3, false),
        ("喀什地区", "喀什地区", ["喀什市", "疏附县", "莎车县", "叶城县", "泽普县", "巴楚县"], 3, false),
        ("伊犁哈萨克自治州", "伊犁州", ["伊宁市", "霍城县", "察布查尔锡伯自治县", "新源县", "昭苏县"], 3, false),
        ("阿克苏地区", "阿克苏地区", ["阿克苏市", "库车市", "温宿县", "拜城县", "沙雅县"], 3, false),
        ("昌吉回族自治州", "昌吉州", ["昌吉市", "阜康市", "奇台县", "吉木萨尔县", "玛纳斯县"], 3, false),
        ("巴音郭楞蒙古自治州", "巴州", ["库尔勒市", "尉犁县", "若羌县", "焉耆回族自治县"], 1, false),
        ("和田地区", "和田地区", ["和田市", "墨玉县", "于田县", "洛浦县"], 2, false),
        ("博尔塔拉蒙古自治州", "博州", ["博乐市", "精河县", "温泉县"], 1, false),
        ("阿勒泰地区", "阿勒泰地区", ["阿勒泰市", "布尔津县", "哈巴河县"], 1, false),
        ("塔城地区", "塔城地区", ["塔城市", "沙湾市", "额敏县"], 1, false),
        ("克孜勒苏柯尔克孜自治州", "克州", ["阿图什市", "乌恰县", "阿合奇县"], 1, false),
    ];

    public static IReadOnlyDictionary<string, string[]> Crops { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["吐鲁番市"] = ["无核白葡萄", "红提", "红枣", "设施蔬菜"],
        ["哈密市"] = ["哈密大枣", "鲜食葡萄", "枸杞"],
        ["喀什地区"] = ["红枣", "核桃", "无花果", "新梅"],
        ["伊犁哈萨克自治州"] = ["薰衣草", "黑蜂蜂蜜", "苹果", "小麦"],
        ["阿克苏地区"] = ["冰糖心苹果", "核桃", "红枣", "香梨"],
        ["昌吉回族自治州"] = ["加工番茄", "鲜食玉米", "小麦", "甜菜"],
        ["巴音郭楞蒙古自治州"] = ["库尔勒香梨", "辣椒", "红枣"],
        ["和田地区"] = ["和田玉枣", "核桃", "玫瑰花", "大芸"],
        ["博尔塔拉蒙古自治州"] = ["精河枸杞", "棉花"],
        ["阿勒泰地区"] = ["冷水鱼", "油葵", "饲草"],
        ["塔城地区"] = ["红花", "打瓜", "油葵"],
        ["克孜勒苏柯尔克孜自治州"] = ["木纳格葡萄", "杏子", "酸梅"],
    };

    public static IReadOnlyList<string> DefaultCrops { get; } = ["红枣", "核桃", "设施蔬菜"];

    public static IReadOnlyDictionary<string, string[]> TownsByPrefecture { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["吐鲁番市"] = ["亚尔", "葡萄", "七泉湖", "鲁克沁", "连木沁", "伊拉湖", "郭勒布依", "托克逊", "库米什", "阿拉沟", "辟展", "七克台", "胜金", "艾丁湖"],
        ["哈密市"] = ["二堡", "回城", "大泉湾", "五堡", "花园", "陶家宫", "淖毛湖"],
    };

    public static IReadOnlyList<string> Towns { get; } = [
        "城关",
        "新城",
        "光明",
        "红旗",
        "建设",
        "东风",
        "团山",
        "柳园",
        "长青",
        "金岭",
        "南湖",
        "北园",
        "绿洲",
        "兴业",
    ];

    public static IReadOnlyList<string> Villages { get; } = [
        "托万买来",
        "阿克苏依",
        "巴扎",
        "英买里",
        "库木坎儿孜",
        "喀拉霍加",
        "吐格曼博依",
        "亚喀",
        "恰特喀勒",
        "阔纳协海尔",
        "乌尊布拉克",
        "依格孜艾日克",
        "博斯坦",
        "苏贝希",
        "琼库勒",
        "阿瓦提",
        "塔什布拉克",
        "红星",
        "新华",
        "幸福",
        "东湖",
        "胜利",
        "光明",
        "和平",
        "前进",
        "向阳",
        "二堡",
        "三道岭",
        "柳树泉",
        "沙吾托",
        "阔克铁热克",
        "奥依塔克",
        "色日克",
        "克孜勒",
        "铁热木",
        "巴格万",
        "园艺",
    ];

    public static IReadOnlyList<string> People { get; } = [
        "阿不都热合曼·买买提",
        "艾尔肯·吐尔逊",
        "古丽娜尔·阿不都",
        "买买提江·艾力",
        "热依拉·吐尔洪",
        "努尔古丽·热合曼",
        "阿依古丽·卡德尔",
        "艾克拜尔·尼亚孜",
        "吐尔逊江·依明",
        "帕丽达·阿不力孜",
        "迪丽努尔·艾合买提",
        "阿迪力·吾斯曼",
        "库尔班·肉孜",
        "玉素甫江·阿西木",
        "叶尔兰·努尔兰",
        "古丽巴哈尔·哈德尔别克",
        "别克波拉提·加帕尔",
        "王建军",
        "李红梅",
        "张海涛",
        "刘志强",
        "陈晓燕",
        "赵国庆",
        "杨丽娟",
        "周文斌",
        "马玉兰",
        "马建国",
        "何卫东",
        "孙丽华",
        "胡春生",
        "郭晓明",
        "黄秀英",
        "罗振华",
        "吴海燕",
        "高立新",
        "佟建英",
        "关玉梅",
        "韩雪梅",
        "田志刚",
        "白永福",
        "苏力坦·托合提",
    ];

    public static IReadOnlyList<string> CompanyRoots { get; } = [
        "天山",
        "丝路",
        "火洲",
        "金果",
        "绿原",
        "西域",
        "昆仑",
        "瀚海",
        "雪莲",
        "胡杨",
        "金沙",
        "戈壁明珠",
    ];

    public static IReadOnlyList<string> CompanyKinds { get; } = [
        "农业科技有限公司",
        "果业有限责任公司",
        "食品有限公司",
        "新能源有限公司",
        "文化旅游发展有限公司",
        "农牧业专业合作社",
    ];

    public static IReadOnlyList<string> Holidays { get; } = [
        "元旦",
        "春节",
        "清明节",
        "劳动节",
        "端午节",
        "中秋节",
        "国庆节",
    ];

    public static IReadOnlyList<string> Units { get; } = [
        "县（市、区）人民政府，各部门、各直属机构",
        "乡镇人民政府、街道办事处，县直各部门",
    ];

    public static IReadOnlyDictionary<string, string> AreaCodes { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["吐鲁番市"] = "0995",
        ["哈密市"] = "0902",
        ["喀什地区"] = "0998",
        ["伊犁哈萨克自治州"] = "0999",
        ["阿克苏地区"] = "0997",
        ["昌吉回族自治州"] = "0994",
        ["巴音郭楞蒙古自治州"] = "0996",
        ["和田地区"] = "0903",
        ["博尔塔拉蒙古自治州"] = "0909",
        ["阿勒泰地区"] = "0906",
        ["塔城地区"] = "0901",
        ["克孜勒苏柯尔克孜自治州"] = "0908",
    };
}
