import Earshot
import Testing

/// The "covers" column of tagging.md's issue-type table, one plain sentence per case it names,
/// must get that label from the built-in pack. Written from the spec's words, not from the pack's
/// vocabulary, so a rule edit that loses a whole case of the taxonomy fails here.
@Suite("Built-in pack covers the taxonomy")
struct TaxonomyCoverageTests {
    static let cases: [(label: String, text: String)] = [
        ("playback", "Spotify songs won't play at all"),
        ("playback", "my podcasts on Spotify won't play"),
        ("playback", "Spotify keeps skipping songs"),
        ("playback", "Spotify stops playing after one song"),
        ("playback", "Spotify audio stutters constantly"),
        ("playback", "Spotify is playing the wrong song"),
        ("playback", "the audio quality on Spotify is awful today"),
        ("account_login", "I can't log in to Spotify"),
        ("account_login", "Spotify logged me out and won't let me back in"),
        ("account_login", "how do I reset my Spotify password, the email never comes"),
        ("account_login", "my Spotify account was hacked"),
        ("account_login", "can't add my mom to our Spotify family plan"),
        ("billing", "Spotify charged me twice this month"),
        ("billing", "I want a refund from Spotify"),
        ("billing", "my Spotify payment failed"),
        ("billing", "Spotify raised the price again"),
        ("billing", "how do I change my Spotify subscription to student"),
        ("billing", "I want to cancel Spotify premium"),
        ("app_crash_bug", "Spotify app crashes when I open it"),
        ("app_crash_bug", "the Spotify app freezes all the time"),
        ("app_crash_bug", "Spotify shows an error message every time I search"),
        ("app_crash_bug", "the Spotify UI is broken after the update"),
        ("offline_download", "my Spotify downloads disappeared"),
        ("offline_download", "Spotify offline mode isn't working"),
        ("offline_download", "Spotify is using all my storage"),
        ("device_connect", "Spotify Connect isn't working"),
        ("device_connect", "Spotify won't play in my car"),
        ("device_connect", "can't connect Spotify to my speakers"),
        ("device_connect", "Spotify on my smart TV won't load"),
        ("device_connect", "Spotify on my watch doesn't sync"),
        ("device_connect", "Spotify won't show up on my PS5"),
        ("device_connect", "Spotify bluetooth keeps disconnecting"),
        ("device_connect", "can't cast Spotify to my chromecast"),
        ("content_availability", "this album is missing from Spotify"),
        ("content_availability", "the song is greyed out on Spotify"),
        ("content_availability", "this podcast isn't available in my region on Spotify"),
        ("content_availability", "the lyrics are missing on Spotify"),
        ("recommendations_discovery", "Spotify recommendations are terrible lately"),
        ("recommendations_discovery", "Spotify Wrapped got my top artist wrong"),
        ("recommendations_discovery", "Spotify search can't find the song I'm looking for"),
        ("recommendations_discovery", "Spotify Discover Weekly is so repetitive"),
        ("usability_howto", "how do I make a playlist on Spotify"),
        ("usability_howto", "I can't find the equalizer setting on Spotify"),
        ("usability_howto", "the new Spotify UI is so confusing"),
        ("feature_request", "Spotify please add a dark mode for the web player"),
        ("feature_request", "I wish Spotify had a lyrics translation feature"),
        ("outage", "is Spotify down?"),
        ("outage", "Spotify is down for everyone right now"),
        ("outage", "Spotify not working for anyone else?"),
        ("none", "I love Spotify so much"),
        ("none", "Spotify Wrapped is killing me 😂"),
        ("none", "took a crash course on Spotify's podcast history"),
        ("none", "Spotify is hiring in Stockholm"),
        ("none", "new episode of my podcast is out on Spotify"),
    ]

    @Test func everyCaseGetsItsLabel() throws {
        let classifier = try TaggingSetup().makeIssueClassifier()
        for (label, text) in Self.cases {
            #expect(classifier.classify(text).issueType == IssueType(label), "\(text)")
        }
    }
}
