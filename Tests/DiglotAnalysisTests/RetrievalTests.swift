import Testing
@testable import DiglotAnalysis

/// End to end without SQL: snippets indexed by the analyzer into `TinyIndex`, queries parsed and compiled,
/// stages evaluated in order the way the store ranks them.
@Suite struct RetrievalTests {
    /// Our own short texts in the three languages, written for these checks.
    static let snippets = [
        "Генштаб ЗСУ: загальні бойові втрати противника зросли за добу.",                  // 0
        "Оборонці знищили шість російських танків у Харкові та області.",                // 1
        "У Києві вночі оголосили повітряну тривогу, працювала ППО.",                        // 2
        "Зеленський провів нараду з командувачами щодо оборони Харкова.",                  // 3
        "Ворог зазнав значних втрат: знищено танк і дві артсистеми.",                      // 4
        "Ціль — обʼєкт енергетики; уламки впали на ґанок будинку.",                          // 5
        "Втрати особового складу ворога склали 1 020 010 осіб.",                           // 6
        "Минобороны сообщило о потерях: уничтожены танки и самолёты.",                     // 7
        "В Киеве и Харькове снова звучали сирены воздушной тревоги.",                       // 8
        "Потери противника за сутки составили около тысячи человек.",                       // 9
        "Зеленского встретили в Брюсселе аплодисментами.",                                 // 10
        "Russia's losses rose again, the General Staff said on Monday.",                  // 11
        "Ukrainian forces destroyed three tanks near Kharkiv overnight.",                  // 12
        "Air raid sirens sounded across Kyiv as air defence engaged drones.",              // 13
        "President Zelensky met commanders to discuss the defence of Kharkiv.",            // 14
        "The loss of a single tank was confirmed by the regiment.",                         // 15
        "Officials in Kiev declined to comment on the report.",                             // 16
        "Шмаргуненко повідомив про обстріл Шмаргуненкової садиби.",                        // 17
        "Окупанти обстріляли Бахмут із реактивних систем.",                                // 18
        "Під Бахмутом тривають запеклі бої.",                                              // 19
        "Погода в Одесі: сонячно, без опадів.",                                            // 20
        "The weather in Odesa stays sunny and dry.",                                       // 21
        "Бійці ППО збили три крилаті ракети над Києвом.",                                   // 22
        "Втратами ворога вважаються також захоплені трофеї.",                              // 23
        "Самолеты противника не пересекали границу.",                                      // 24
        "Новий об'єкт критичної інфраструктури взято під охорону.",                         // 25
        "Ганок старої школи відремонтували волонтери.",                                    // 26
        "Losses of armoured vehicles are counted separately.",                             // 27
        "Бронетехніку противника знищено біля Бахмута.",                                   // 28
        "Офіційний Київ відповів на заяву Москви.",                                        // 29
    ]

    let index = TinyIndex(snippets, analyzer: Fixtures.shared)
    let compiler = QueryCompiler(analyzer: Fixtures.shared)

    /// Documents in the order the store would return them: stage by stage, earlier stages first.
    func search(_ text: String) throws -> [[Int]] {
        let compiled = compiler.compile(try SearchQuery.parse(text).get())
        var seen: Set<Int> = []
        return compiled.stages.map { stage in
            let new = index.matches(stage.expression).subtracting(seen)
            seen.formUnion(new)
            return new.sorted()
        }
    }

    func found(_ text: String) throws -> Set<Int> { Set(try search(text).flatMap { $0 }) }

    @Test(arguments: [
        ("втратами", [0, 4, 6, 23]), ("втрати", [0, 4, 6, 23]), ("танків", [1, 4, 7]), ("танк", [1, 4, 7]),
        ("потерями", [7, 9]), ("самолетов", [7, 24]), ("losses", [11, 15, 27]), ("tank", [12, 15]),
        ("Бахмута", [18, 19, 28]), ("ганок", [5, 26]), ("об’єкта", [5, 25]), ("ОБЪЕКТ", []),
        ("1 020 010", [6]), ("Шмаргуненка", [17]), ("Києва", [2, 22, 29]),
    ])
    func morphologyFindsEveryForm(query: String, expected: [Int]) throws {
        let result = try found(query)
        #expect(result == Set(expected))
    }

    @Test func exactFormsComeBeforeOtherForms() throws {
        let stages = try search("втратами")
        #expect(stages.first == [23])
        #expect(Set(stages.dropFirst().flatMap { $0 }) == [0, 4, 6])
    }

    @Test func phrasesMatchInflectedSequences() throws {
        #expect(try found("\"бойові втрати\"") == [0])
        #expect(try found("\"втрати бойові\"").isEmpty)
    }

    @Test func exclusionsRemoveEveryForm() throws {
        #expect(try found("втрати -ворога") == [0])
        #expect(try found("втрати OR потери") == [0, 4, 6, 7, 9, 23])
    }
}
