import Testing
import DiglotLexicon

@Suite struct NamesTableTests {
    @Test func loadsWithoutProblemsOrCollisions() throws {
        #expect(NamesTable.loadProblem == nil)
        let table = try NamesTable.bundled()
        #expect(table.entries.count >= 150)
        #expect(table.collisions.isEmpty, "\(table.collisions)")
    }

    @Test func findsExonymsAndInflectedForms() {
        #expect(NamesTable.shared.entry(for: "Николаев")?.canonical == "Mykolaiv")
        #expect(NamesTable.shared.entry(for: "Артемовск")?.canonical == "Bakhmut")
        #expect(NamesTable.shared.entry(for: "Одессе")?.canonical == "Odesa")
        #expect(NamesTable.shared.entry(for: "Zelenskyy")?.canonical == "Volodymyr Zelensky")
        #expect(NamesTable.shared.entry(for: "Azovstal")?.kind == "feature")
        #expect(NamesTable.shared.entry(for: "Fredericton") == nil)
    }

    @Test func everyEntryHasUkrainianForm() {
        for entry in NamesTable.shared.entries {
            #expect(!entry.ukrainian.isEmpty, "\(entry.canonical) has no Ukrainian form")
        }
    }
}
