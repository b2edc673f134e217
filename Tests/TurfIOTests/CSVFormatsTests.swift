import Testing
import TurfCore
import TurfIO

/// Hand-written CSV fixtures in the column layouts of the real exports.
@Suite struct CSVFormatsTests {
    static let hashedUser = "d2c7f2b8e6a94e3c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5968778695a4b3c2d1e0"

    @Test func informationOperationsArchiveWithQuotedLists() throws {
        let csv = #"""
        tweetid,userid,user_display_name,user_screen_name,user_reported_location,user_profile_description,user_profile_url,follower_count,following_count,account_creation_date,account_language,tweet_language,tweet_text,tweet_time,tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,retweet_count,hashtags,urls,user_mentions,poll_choices
        831606548300517376,\#(Self.hashedUser),\#(Self.hashedUser),\#(Self.hashedUser),,,,3,10,2016-05-01,en,en,"RT @Patriot: Don't vote ""Nuttall"", he lied
        #StokeCentral",2017-02-14 20:15,Twitter Web Client,,,,True,99,831600000000000001,absent,absent,0,0,0,0,"['StokeCentral', 'DontVoteNuttall']",['https://example.org/a'],"['99', '100']",
        831606548300517399,2531159968,Алексей,alexei_ru,Moscow,,,500,20,2014-06-09,ru,ru,Крым наш,2017-02-15 08:01,Twitter for Android,7,831606548300517300,831606548300517301,False,,,absent,absent,1,2,3,4,[],[],[],
        """#
        let outcome = try Fixture.read(text: csv + "\n")
        #expect(outcome.format == .ioArchive)
        #expect(outcome.errors == [])
        #expect(outcome.posts == [
            Post(
                id: "831606548300517376",
                account: AccountRef(id: Self.hashedUser, handle: Self.hashedUser),
                createdAt: 1_487_103_300,
                timeResolution: .minute,
                text: "RT @Patriot: Don't vote \"Nuttall\", he lied\n#StokeCentral",
                lang: "en",
                hashtags: ["StokeCentral", "DontVoteNuttall"],
                urls: ["https://example.org/a"],
                mentions: ["99", "100"],
                retweetOf: "831600000000000001"
            ),
            Post(
                id: "831606548300517399",
                account: AccountRef(id: "2531159968", handle: "alexei_ru"),
                createdAt: 1_487_145_660,
                timeResolution: .minute,
                text: "Крым наш",
                lang: "ru",
                quoteOf: "831606548300517301",
                replyTo: "831606548300517300"
            ),
        ])
    }

    @Test func archiveOf2018WithBareListsAndAnotherColumnOrder() throws {
        let csv = #"""
        tweet_text,tweetid,tweet_time,userid,user_screen_name,hashtags,urls,user_mentions,retweet_tweetid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,tweet_language
        Stoke says no,831606548300517400,2017-02-16 23:59,1234,stoke_says,"[StokeCentral, Brexit]",[http://bit.ly/x],[55],,,,false,en
        """#
        let outcome = try Fixture.read(text: csv)
        #expect(outcome.format == .ioArchive)
        let post = try #require(outcome.posts.first)
        #expect(post.hashtags == ["StokeCentral", "Brexit"])
        #expect(post.urls == ["http://bit.ly/x"])
        #expect(post.mentions == ["55"])
        #expect(post.createdAt == 1_487_289_540)
        #expect(post.timeResolution == .minute)
    }

    @Test func spreadsheetMangledIdsAreReportedNotAccepted() throws {
        let csv = #"""
        tweetid,userid,user_screen_name,tweet_text,tweet_time,retweet_tweetid
        9.06E+17,1,a,saved by Excel,2017-09-01 10:00,
        906000000000000001,1,a,fine,2017-09-01 10:00,8.31E+17
        906000000000000002,1,a,fine too,2017-09-01 10:01,
        """#
        let outcome = try Fixture.read(text: csv)
        #expect(outcome.posts.map(\.id) == ["906000000000000002"])
        #expect(outcome.errors == [
            "F:2: tweetid \"9.06E+17\" was rounded by a spreadsheet (digits lost); re-export the ids as text",
            "F:3: retweet_tweetid \"8.31E+17\" was rounded by a spreadsheet (digits lost); re-export the ids as text",
        ])
        #expect(outcome.kinds == ["spreadsheet-mangled id", "spreadsheet-mangled id"])
    }

    @Test func fivethirtyeightTrollTweets() throws {
        let csv = #"""
        external_author_id,author,content,region,language,publish_date,harvested_date,following,followers,updates,post_type,account_type,retweet,account_category,new_june_2018,alt_external_id,tweet_id,article_url,tco1_step1,tco2_step1,tco3_step1
        2531159968,TEN_GOP,"#BREAKING: @realDonaldTrump wins, say ""we"" #MAGA",United States,English,10/1/2017 19:58,10/1/2017 19:59,1052,9636,253,,Right,0,RightTroll,0,2531159968,914580356430536707,http://twitter.com/905874659358453760/statuses/914580356430536707,https://example.org/news,,
        2531159968,TEN_GOP,RT @someone: quoted text,United States,English,2/14/2017 8:05,2/14/2017 8:06,1052,9636,254,RETWEET,Right,1,RightTroll,0,2531159968,831606548300517500,,,,
        """#
        let outcome = try Fixture.read(text: csv)
        #expect(outcome.format == .trollTweets)
        #expect(outcome.errors == [])
        #expect(outcome.posts == [
            Post(
                id: "914580356430536707",
                account: AccountRef(id: "2531159968", handle: "TEN_GOP"),
                createdAt: 1_506_887_880,
                timeResolution: .minute,
                text: "#BREAKING: @realDonaldTrump wins, say \"we\" #MAGA",
                lang: "English",
                hashtags: ["BREAKING", "MAGA"],
                urls: ["https://example.org/news"],
                mentions: ["realDonaldTrump"]
            ),
            Post(
                id: "831606548300517500",
                account: AccountRef(id: "2531159968", handle: "TEN_GOP"),
                createdAt: 1_487_059_500,
                timeResolution: .minute,
                text: "RT @someone: quoted text",
                lang: "English",
                mentions: ["someone"]
            ),
        ])
    }

    @Test func twarcCSVWithJSONEncodedLists() throws {
        let header = "id,conversation_id,referenced_tweets.replied_to.id,referenced_tweets.retweeted.id,referenced_tweets.quoted.id,author_id,in_reply_to_user_id,created_at,text,lang,entities.hashtags,entities.mentions,entities.urls,attachments.media,attachments.media_keys,author.id,author.username,__twarc.retrieved_at"
        let row = ##"1377650090978992134,1377650090978992134,,,1377640162566496258,4602771083,,2021-04-01T15:52:31.000Z,Fury https://t.co/YbMgHU5xRX,en,"[""#Fury"", ""#Stoke""]","[""@Manie_DS""]","[""https://example.org/photo/1""]","[{""media_key"": ""3_1377650087799754753"", ""type"": ""photo"", ""alt_text"": ""a dog, angry""}]","[""3_1377650087799754753""]",4602771083,blackheart_265,2021-04-01T15:52:42+00:00"##
        let reply = #"1377650093109743620,1377266697850257410,1377266697850257410,,,3026521093,601852746,2021-04-01T15:52:32.000Z,@PoliceMutual Well done,en,,"[""@PoliceMutual""]",,,,3026521093,sheelaghb18,2021-04-01T15:52:42+00:00"#
        let outcome = try Fixture.read(text: [header, row, reply].joined(separator: "\r\n") + "\r\n")
        #expect(outcome.format == .twarcCSV)
        #expect(outcome.errors == [])
        #expect(outcome.posts == [
            Post(
                id: "1377650090978992134",
                account: AccountRef(id: "4602771083", handle: "blackheart_265"),
                createdAt: 1_617_292_351,
                text: "Fury https://t.co/YbMgHU5xRX",
                lang: "en",
                hashtags: ["Fury", "Stoke"],
                urls: ["https://example.org/photo/1"],
                mentions: ["Manie_DS"],
                quoteOf: "1377640162566496258",
                media: [MediaItem(id: "3_1377650087799754753")],
                memeText: "a dog, angry"
            ),
            Post(
                id: "1377650093109743620",
                account: AccountRef(id: "3026521093", handle: "sheelaghb18"),
                createdAt: 1_617_292_352,
                text: "@PoliceMutual Well done",
                lang: "en",
                mentions: ["PoliceMutual"],
                replyTo: "1377266697850257410"
            ),
        ])
    }

    @Test func genericCSVWithAMappingAndBadRows() throws {
        let csv = #"""
        post_id,body,uid,ts,tags
        p1,"multi
        line, with ""quotes""",u1,2017-02-14 20:15:02,"[""Stoke""]"
        p2,short row
        p3,"bad"quote,u3,2017-02-14 20:16:00,
        p4,,u4,1487103302,
        """#
        let mapping = try FieldMapping(parsing: "id=post_id,text=body,account_id=uid,created_at=ts,hashtags=tags")
        let outcome = try Fixture.read(text: csv, mapping: mapping)
        #expect(outcome.format == .csv)
        #expect(outcome.posts == [
            Post(id: "p1", account: AccountRef(id: "u1"), createdAt: 1_487_103_302, text: "multi\nline, with \"quotes\"", hashtags: ["Stoke"]),
            Post(id: "p4", account: AccountRef(id: "u4"), createdAt: 1_487_103_302, text: ""),
        ])
        #expect(outcome.errors == [
            "F:4: expected 5 fields as in the header, found 2",
            "F:5: malformed CSV: text after the closing quote of field 2",
        ])
    }

    @Test func genericCSVWithoutTheMappedColumnIsAUsageError() {
        #expect(throws: UsageError.self) {
            try Fixture.read(text: "a,b\n1,2\n", format: .csv)
        }
    }

    @Test func unclosedQuoteAtTheEndIsReportedWithItsLine() {
        do {
            _ = try Fixture.read(text: "id,text\n1,ok\n2,\"never closed\n3,x\n")
            Issue.record("expected an error")
        } catch let error as InputError {
            #expect(error.line == 3)
            #expect(error.reason == "quoted field never closed (runs to the end of the input)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func mappingRejectsUnknownFields() {
        #expect(throws: UsageError.self) { try FieldMapping(parsing: "body=text") }
        #expect(throws: UsageError.self) { try FieldMapping(parsing: "text") }
    }
}
