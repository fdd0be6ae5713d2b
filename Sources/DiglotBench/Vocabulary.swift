/// Word stock for generated texts: places and people in both scripts, sentence templates in our own words.
enum Vocabulary {
    struct Bilingual { var uk: String; var en: String }

    static let places: [Bilingual] = [
        .init(uk: "Харкові", en: "Kharkiv"), .init(uk: "Києві", en: "Kyiv"), .init(uk: "Миколаєві", en: "Mykolaiv"),
        .init(uk: "Одесі", en: "Odesa"), .init(uk: "Запоріжжі", en: "Zaporizhzhia"), .init(uk: "Херсоні", en: "Kherson"),
        .init(uk: "Дніпрі", en: "Dnipro"), .init(uk: "Львові", en: "Lviv"), .init(uk: "Чернігові", en: "Chernihiv"),
        .init(uk: "Сумах", en: "Sumy"), .init(uk: "Бахмуті", en: "Bakhmut"), .init(uk: "Маріуполі", en: "Mariupol"),
        .init(uk: "Ізюмі", en: "Izium"), .init(uk: "Краматорську", en: "Kramatorsk"), .init(uk: "Біловодську", en: "Bilovodsk"),
        .init(uk: "Сєвєродонецьку", en: "Sievierodonetsk"), .init(uk: "Покровську", en: "Pokrovsk"), .init(uk: "Ірпені", en: "Irpin"),
    ]

    static let people: [Bilingual] = [
        .init(uk: "Володимир Зеленський", en: "Volodymyr Zelensky"), .init(uk: "Денис Шмигаль", en: "Denys Shmyhal"),
        .init(uk: "Валерій Залужний", en: "Valerii Zaluzhnyi"), .init(uk: "Олександр Сирський", en: "Oleksandr Syrskyi"),
        .init(uk: "Дмитро Кулеба", en: "Dmytro Kuleba"), .init(uk: "Олексій Резніков", en: "Oleksii Reznikov"),
    ]

    static let handles: [(name: String, handle: String)] = [
        ("Defence of Ukraine", "DefenceU"), ("Генеральний штаб ЗСУ", "GeneralStaffUA"), ("MFA of Ukraine", "MFA_Ukraine"),
        ("Володимир Зеленський", "ZelenskyyUa"), ("Kyiv City Administration", "Kyiv_KMDA"),
    ]

    static let ukrainianOpeners = ["Сьогодні в", "Вночі у", "Станом на ранок у", "Цього тижня в", "Протягом доби в"]
    static let ukrainianEvents = [
        "окупанти втратили", "евакуйовано", "знешкоджено", "сили ППО збили", "зафіксовано обстріли, загинули",
        "відновлено електропостачання для",
    ]
    static let ukrainianUnits = ["осіб", "од. техніки", "цивільних", "безпілотників", "будинків", "ракет"]
    static let ukrainianClosers = [
        "Слава Україні!", "Разом переможемо! #StandWithUkraine", "Дані уточнюються.", "Бережіть себе та близьких.",
        "Ворог зазнає втрат щодня.",
    ]

    static let englishOpeners = ["Today in", "Overnight in", "As of this morning in", "This week in", "Over the past day in"]
    static let englishEvents = [
        "the occupiers lost", "we evacuated", "we neutralised", "air defence shot down", "shelling was recorded, killing",
        "power was restored for",
    ]
    static let englishUnits = ["people", "units of equipment", "civilians", "drones", "houses", "missiles"]

    static let headlines = [
        "Ukraine says Russian losses mount", "Shelling hits residential areas", "Evacuation corridors open again",
        "Air defence repels overnight attack", "Officials report heavy fighting", "Power restored after strikes",
        "Ukraine's military gives new casualty figures", "Kremlin disputes Ukrainian figures",
    ]
    static let ukrainianHeadlines = [
        "Генштаб оновив дані про втрати ворога", "Окупанти обстріляли житлові квартали", "Відкрито гуманітарні коридори",
        "Сили ППО відбили нічну атаку",
    ]

    static let reporters = ["Olena Harmash", "Pavel Polityuk", "Max Hunder", "Tom Balmforth", "Anna Kovalenko"]

    static let englishSentences = [
        "Ukraine's General Staff said on Friday that Russian forces had lost {n} soldiers since the invasion began.",
        "Officials in {place} said air defence units shot down several drones overnight.",
        "{who} said the situation around {place} remained difficult but under control.",
        "The figures could not be independently verified, Reuters reports.",
        "Russia's defence ministry did not comment on the claims, TASS news agency said.",
        "Residents of {place} spent the night in shelters as sirens sounded across the region.",
        "About {n} people have been evacuated from frontline towns this week, regional authorities said.",
        "Moscow says its forces are only striking military targets, a claim Kyiv rejects.",
        "Humanitarian corridors out of {place} were due to reopen on Saturday morning.",
        "Sky News has not been able to verify the footage, which circulated widely on Telegram.",
        "The ministry said the occupiers had also lost tanks, armoured vehicles and artillery systems near {place}.",
        "Western officials estimate the number of Russian troops killed or wounded at more than {n}.",
        "“We will restore everything,” {who} told reporters in {place}.",
    ]

    static let ukrainianSentences = [
        "Генеральний штаб ЗСУ повідомив, що ворог втратив {n} осіб особового складу.",
        "У {place} сили ППО збили кілька ударних безпілотників.",
        "{who} заявив, що ситуація навколо міста залишається складною, але контрольованою.",
        "Мешканці провели ніч в укриттях, повітряна тривога тривала понад три години.",
        "З прифронтових громад евакуйовано близько {n} людей.",
        "Окупанти продовжують обстрілювати цивільну інфраструктуру, зокрема енергетичні об’єкти.",
        "Гуманітарний коридор мають відкрити в суботу вранці.",
        "Дані про втрати противника уточнюються.",
    ]
}
