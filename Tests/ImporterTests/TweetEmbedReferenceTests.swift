import Foundation
import Testing
import DiglotImporting
import DiglotModel
import DiglotTestSupport
import TweetEmbedImporter

/// The real embed from ../shared/reference/tweet-embeds: a Russian tweet pasted through a browser (literal
/// "—", `async=""`, a t.co link in the text).
@Suite struct TweetEmbedReferenceTests {
    @Test func readsTheRealPastedEmbed() throws {
        guard let reference = TestPaths.reference else {
            print("reference material absent: skipped 8 checks of tweet-embeds/jodit-paste-test-embed.html")
            return
        }
        let file = reference.appendingPathComponent("tweet-embeds/jodit-paste-test-embed.html")
        let input = ImportInput(bytes: try Data(contentsOf: file), fileName: file.lastPathComponent)
        #expect(TweetEmbedImporter.confidence(for: input) >= 0.8)
        let batch = try TweetEmbedImporter(configuration: .default).read(input)
        #expect(batch.validationProblems().isEmpty)
        let tweet = try #require(batch.documents.first)
        #expect(batch.documents.count == 1)
        #expect(tweet.kind == .tweet)
        #expect(tweet.metadata["handle"] == "VS_Oblomov")
        #expect(tweet.metadata["status_id"] == "1279467342213324801")
        #expect(tweet.published?.description == "2020-07-04")
        #expect(tweet.language == .russian)
        #expect(tweet.text.hasPrefix("Нет слов, конечно"))
    }
}
