/// The word and phrase banks simulated posts are composed from.
///
/// Organic posts combine many small banks at random, so two organic accounts rarely write the
/// same sentence; campaign posts start from a few fixed messages, as the real cells did.
enum Vocabulary {
    static let openers = [
        "", "", "", "Honestly", "Well", "So", "Right,", "Ok", "Lol", "Ugh", "Just saying,", "Tbh", "Wow", "Hmm,",
        "Morning all,", "Evening,", "Quick one:", "Reminder:", "Not gonna lie,", "Fun fact:", "Update:", "Random thought:",
    ]
    static let subjects = [
        "I", "we", "my mum", "the kids", "my boss", "our dog", "the neighbours", "my brother", "everyone at work",
        "the council", "the bus driver", "my flatmate", "half the office", "the cat", "my nan", "the lads", "our team",
        "the new manager", "my sister", "the landlord", "the whole street", "the coach", "our teacher", "my partner",
        "the weather", "this city", "the government", "the NHS", "the trains", "the band", "the referee", "the telly",
    ]
    static let verbs = [
        "loves", "hates", "finally fixed", "forgot about", "can't stop talking about", "just found", "is watching",
        "is cooking", "ruined", "sorted out", "keeps missing", "bought", "lost", "painted", "is reading", "booked",
        "cancelled", "won", "cleaned", "complained about", "is learning", "signed up for", "ordered", "recommended",
        "broke", "argued about", "tried", "survived", "is planning", "delayed", "celebrated", "rescued",
    ]
    static let objects = [
        "the boiler", "a new bike", "the quiz", "that film", "pancakes", "the garden", "the match", "a curry",
        "the school run", "the Monday meeting", "a marathon", "the car", "the rota", "the washing machine", "a puppy",
        "the broadband", "the football", "the allotment", "a cheese toastie", "the recycling", "the train to Crewe",
        "the overtime", "a holiday in Spain", "the pub quiz", "the leaking roof", "a vinyl record", "the tax return",
        "the charity run", "the cup final", "a bag of chips", "the new album", "the parking ticket", "the snow",
        "the jumble sale", "the gym membership", "the bake off", "the crossword", "the fireworks", "the 5-a-side",
    ]
    static let endings = [
        "", "", "", "again.", "today.", "this morning.", "last night.", "for once.", "at last!", "apparently.",
        "and I'm not even surprised.", "what a week.", "send help.", "cheers for that.", "classic.", "unreal.",
        "proper buzzing.", "can't make this up.", "never again.", "so there's that.", "#justsaying", "😂", "🙄", "👍",
        "❤️", "😴", "🍺", "⚽", "☕",
    ]
    static let hashtags = [
        "MondayMotivation", "FridayFeeling", "Brexit", "NHS", "MUFC", "LFC", "SCFC", "PortVale", "Stoke", "Potteries",
        "GBBO", "Strictly", "snow", "weather", "music", "NowPlaying", "coffee", "running", "fitness", "food",
        "London", "Manchester", "travel", "books", "gaming", "photography", "nature", "cats", "dogs", "football",
        "cricket", "rugby", "EastEnders", "Corrie", "trains", "Trump", "Inauguration", "WomensMarch", "ThrowbackThursday",
        "WednesdayWisdom", "TuesdayThoughts", "SundayFunday", "charity", "science", "tech", "art", "jobs", "beer",
    ]
    static let domains = [
        "bbc.co.uk/news", "theguardian.com/uk-news", "stokesentinel.co.uk/news", "youtube.com/watch", "instagram.com/p",
        "medium.com", "independent.co.uk/news", "thesun.co.uk/news", "skysports.com/football", "spotify.com/track",
        "reddit.com/r/unitedkingdom/comments", "blogspot.com", "wordpress.com", "itv.com/news", "mirror.co.uk/news",
    ]
    static let firstNames = [
        "sarah", "james", "emma", "tom", "lucy", "dan", "katie", "chris", "amy", "matt", "sophie", "jack", "laura",
        "ben", "hannah", "sam", "jess", "mike", "becky", "olly", "gemma", "rob", "nat", "dave", "zoe", "liam",
        "olga", "dmitry", "anna", "sergey", "irina", "alexei", "priya", "arjun", "fatima", "omar", "chloe", "ryan",
    ]
    static let lastNames = [
        "jones", "smith", "walker", "brown", "taylor", "wood", "hughes", "clarke", "baker", "hall", "green", "wright",
        "evans", "turner", "cooper", "hill", "ward", "morris", "king", "lee", "stokie", "potter", "ivanova", "petrov",
        "khan", "patel", "murphy", "kelly", "shaw", "webb",
    ]

    static let russianSubjects = ["я", "мы", "сосед", "начальник", "мама", "друзья", "коллеги", "кот", "брат", "все"]
    static let russianVerbs = [
        "смотрю", "обсуждаем", "купил", "потерял", "жду", "люблю", "ненавижу", "читаю", "готовлю", "нашёл", "ремонтирую",
        "вспоминаю", "планирую", "пропустил",
    ]
    static let russianObjects = [
        "футбол", "погоду", "новости", "сериал", "пробки", "ужин", "отпуск", "дачу", "снег", "метро", "концерт",
        "зарплату", "машину", "книгу", "хоккей", "выходные",
    ]
    static let russianEndings = ["", "", "сегодня.", "опять.", "наконец!", "как всегда.", "😂", "вот так.", "ну и ну.", "🙈"]
    static let russianHashtags = ["Москва", "новости", "хоккей", "погода", "выходные", "футбол", "кино"]

    static let proKremlinOwn = [
        "Russia is only defending its people.", "Crimea voted to go home, respect it.", "Sanctions hurt Europe more than Russia.",
        "Putin is the only adult in the room.", "NATO keeps moving east and calls Russia the aggressor.",
        "Western media lie about Syria every day.", "RT tells the stories the BBC will not.", "Russia saved Syria from ISIS.",
        "Россия никогда не нападала первой.", "Крым наш, и это навсегда.", "Запад снова врёт про Россию.",
    ]
    static let antiUkraineOwn = [
        "Kiev shells Donbass and Europe looks away.", "The Maidan was a coup, not a revolution.",
        "Ukraine's government is run by oligarchs and neo-Nazis.", "Kiev is a failed state living on IMF loans.",
        "Who really shot down MH17? Not who they told you.", "Киев обстреливает Донбасс каждый день.",
    ]
    static let antiCandidateOwn = [
        "Nuttall lied about losing friends at Hillsborough.", "How can anyone trust Nuttall after the Hillsborough claims?",
        "Paul Nuttall's story about Hillsborough just fell apart.", "Nuttall doesn't even live in Stoke.",
        "A PhD he never had and friends at Hillsborough he never lost. Nuttall.", "Stoke deserves better than Paul Nuttall.",
        "The Hillsborough families deserve an apology from Nuttall.", "Not voting UKIP after the Nuttall Hillsborough mess.",
        "Nuttall's press officer taking the blame for his lies now?", "Radio City just ripped Nuttall's Hillsborough story apart.",
    ]
    static let reactionTails = [
        "", "", "Disgraceful.", "Unbelievable.", "Shameful.", "Says it all.", "Wow.", "Just wow.", "Not surprised.",
        "Stoke will remember.", "#StokeCentral", "#Hillsborough", "#JFT96", "Vote wisely on the 23rd.",
    ]

    /// Coordinated messages before the switch, pro-Kremlin.
    static let campaignProKremlin = [
        "Crimea chose Russia in a free referendum and the West will never admit it",
        "The sanctions against Russia are hurting British farmers not Moscow",
        "Russia is the only country really fighting terrorists in Syria",
        "NATO troops on Russia's border and they call Putin the aggressor",
        "Why does the BBC never report what Russian people actually think",
        "Russia and Britain should be friends not enemies",
        "The mainstream media have been lying about Russia for years",
        "Putin warned the West about Libya and Syria and he was right",
    ]
    /// Coordinated messages before the switch, anti-Ukraine.
    static let campaignAntiUkraine = [
        "Kiev junta keeps shelling civilians in Donbass while Europe pays",
        "Ukraine is a corrupt failed state propped up by Western money",
        "The truth about MH17 is not what Kiev and the BBC tell you",
        "Neo-Nazi battalions in the Ukrainian army are funded by our taxes",
        "Maidan was a coup paid for by the West",
        "Ukrainian soldiers are deserting because they know the war is wrong",
    ]
    /// Coordinated messages after the switch, against the candidate.
    static let campaignAntiCandidate = [
        "Paul Nuttall lied about losing close friends at Hillsborough do not vote for him",
        "Nuttall does not even live in Stoke he rented an empty house for the nomination",
        "A man who lies about Hillsborough will lie to Stoke every single day",
        "Nuttall claimed a PhD he never had what else has he made up",
        "Stoke people are not stupid Nuttall just wants a seat in London",
        "Hillsborough families are disgusted by Paul Nuttall and so should you be",
        "Nuttall wants to privatise the NHS ask him about it",
        "UKIP leader caught lying again Stoke deserves an honest MP",
    ]
    static let campaignHashtagsBefore = ["CrimeaIsRussia", "Donbass", "StopNATO", "MH17truth", "KievJunta", "Russia"]
    static let campaignHashtagsAfter = ["DontVoteNuttall", "StokeCentral", "NuttallLies", "Hillsborough", "StokeByElection"]
    static let campaignLinkSites = [
        "stokeleaks.wordpress.com/2017/02", "truthaboutnuttall.blogspot.co.uk/2017/02", "news-front.info/2017/02",
        "southfront.org/2017/02", "theduran.com/2017/02",
    ]
    /// Words a copy-paste cell swaps in for small edits.
    static let smallEdits = ["really", "just", "again", "now", "honestly", "seriously", "clearly", "still"]
    static let emoji = ["", "", "!", "!!", "👇", "😡", "🇬🇧", "🤔", "‼️", "👀"]

    /// Paraphrase slots for subtle cells: each message is a subject, a claim and a call, each with variants.
    static let subtleAntiCandidate: [[[String]]] = [
        [["Paul Nuttall", "The UKIP leader", "Nuttall", "Stoke's would-be MP"],
         ["made up losing friends at Hillsborough", "invented Hillsborough friends", "lied about Hillsborough", "never lost anyone at Hillsborough"],
         ["and wants your vote", "think before you vote", "remember that on the 23rd", "Stoke deserves better"]],
        [["Nuttall", "Paul Nuttall", "UKIP's candidate", "The man from Bootle"],
         ["does not live in Stoke", "gave a false address", "only rented a house here", "listed an empty house as home"],
         ["he is only here for the seat", "he does not care about Stoke", "ask yourself why", "no local roots at all"]],
        [["Nuttall", "That Nuttall fella", "The UKIP leader", "Their candidate"],
         ["claimed a PhD he never had", "faked his CV", "lies about his degree", "invented a doctorate"],
         ["what else is fake", "can you trust him", "Stoke is not that gullible", "the lies keep coming"]],
    ]
    static let subtleProKremlin: [[[String]]] = [
        [["Russia", "Moscow", "The Russian government", "Putin"],
         ["only defends its own people", "never wanted this conflict", "keeps offering peace talks", "is fighting terrorism"],
         ["but you won't hear it on the BBC", "the media hide it", "look it up yourself", "think for yourself"]],
        [["The sanctions", "Western sanctions", "EU sanctions on Russia", "These sanctions"],
         ["hurt our farmers more than Russia", "achieve nothing", "cost British jobs", "only help America"],
         ["time to end them", "who benefits", "wake up Britain", "madness"]],
    ]
    static let subtleAntiUkraine: [[[String]]] = [
        [["Kiev", "The Kiev regime", "Poroshenko's army", "Ukraine's rulers"],
         ["shells Donbass towns", "bombs civilians in the east", "breaks every ceasefire", "attacks Donetsk again"],
         ["and the West pays for it", "while Europe is silent", "with our money", "nobody reports it"]],
    ]
    /// Captions of the campaigns' memes (after the switch) and their alt texts.
    static let memeCaptions = [
        "I LOST CLOSE PERSONAL FRIENDS AT HILLSBOROUGH / NO YOU DIDN'T PAUL",
        "NUTTALL: I HAVE A PHD / ALSO NUTTALL: NO I DON'T",
        "LIVES IN STOKE / ADDRESS ON THE FORM: AN EMPTY HOUSE",
        "DON'T VOTE NUTTALL / HILLSBOROUGH LIAR",
    ]
    static let organicMemeCaptions = [
        "MONDAY MOOD", "ME WAITING FOR THE 4 O'CLOCK BUS", "WHEN THE WIFI DROPS", "NOBODY: / ME AT 2AM", "SNOW DAY",
        "STOKE CITY DEFENDING LIKE", "DOG SEES POSTMAN", "PAYDAY IS 9 DAYS AWAY",
    ]
    static let newsLinks = [
        "https://www.theguardian.com/politics/2017/feb/10/paul-nuttall-hillsborough-claims",
        "https://www.bbc.co.uk/news/uk-politics-38930000",
        "https://www.liverpoolecho.co.uk/news/liverpool-news/paul-nuttall-hillsborough-12580000",
    ]
    static let liveEventTexts = [
        "this panel is a shambles", "the audience is on fire tonight", "who booked this guy", "brilliant answer",
        "can't believe what I'm watching", "that was awkward", "get in!", "best bit so far", "the host is loving it",
        "mute button needed", "absolute scenes", "this is painful", "round of applause for that", "unreal tonight",
        "worst performance ever", "can't look away", "my whole family shouting at the telly", "what a moment",
    ]

    /// Outlets: handle, display name, whether state media.
    static let outlets: [(String, String, Bool)] = [
        ("RT_com", "RT", true), ("SputnikInt", "Sputnik", true), ("RT_UKNews", "RT UK", true),
        ("RT_America", "RT America", true), ("SputnikNewsUK", "Sputnik UK", true),
        ("DailyNewsDeskUK", "Daily News Desk", false), ("StokeSentinelSim", "Stoke Sentinel (sim)", false),
        ("UKPoliticsLive", "UK Politics Live", false), ("BreakingBritain", "Breaking Britain", false),
        ("PotteriesRadio", "Potteries Radio", false), ("FootyTalkUK", "Footy Talk UK", false),
        ("WeatherWatchUK", "Weather Watch UK", false), ("TechDailyUK", "Tech Daily", false),
    ]
    static let newsHeadlines = [
        "Government announces review of", "Breaking: police investigate", "Live updates:", "Analysis: what next for",
        "Poll shows voters split over", "Council confirms plans for", "Opinion: why we need to talk about",
        "Watch: reaction to", "Exclusive: documents reveal", "Explained: the row over",
    ]
    static let newsTopics = [
        "NHS waiting times", "the Brexit bill", "rail strikes", "the Stoke by-election", "school funding",
        "the Copeland by-election", "Trump's travel ban", "storm Doris", "housing costs", "the pottery industry",
        "Premier League finances", "a new bypass", "energy prices", "the Article 50 vote",
    ]
    static let stateMediaTopics = [
        "Russian diplomats say West ignores facts on Syria", "Kremlin: NATO build-up threatens peace",
        "Donbass residents describe shelling by Kiev forces", "Sanctions backfire on EU farmers, experts say",
        "Lavrov: Moscow ready for dialogue with London", "Crimea marks anniversary with celebrations",
        "Western media silent on Kiev ceasefire violations", "Russian aid convoy reaches Aleppo",
    ]
    static let celebrityLines = [
        "Thank you all for the birthday wishes!", "New episode out tonight, tell me what you think",
        "Can't believe it's been ten years", "Best crowd ever last night", "Who else is watching the match?",
        "Huge news coming tomorrow", "This made my day", "Sending love to everyone affected",
    ]
}
