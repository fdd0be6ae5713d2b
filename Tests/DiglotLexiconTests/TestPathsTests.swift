import Testing
import DiglotTestSupport

/// Placeholder until this target's capability lands: checks the shared test paths resolve.
@Suite struct DiglotLexiconTestsPaths {
    @Test func packageRootHoldsPackageSwift() {
        #expect(TestPaths.packageRoot.appendingPathComponent("Package.swift").path.hasSuffix("Package.swift"))
    }
}
