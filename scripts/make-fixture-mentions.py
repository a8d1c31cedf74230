#!/usr/bin/env python3
"""Writes Fixtures/mentions/generic.jsonl and x-v2.jsonl: sample mentions of a music-streaming
brand, written as templates by the Earshot authors and combined deterministically (seed 2026).

Every text below is invented for the fixtures. Run again after editing; the output is stable."""
import json, random, pathlib

rng = random.Random(2026)
root = pathlib.Path(__file__).resolve().parent.parent / "Fixtures" / "mentions"

complaints = [
    ("playback", "Spotify keeps skipping songs halfway through, every single time"),
    ("playback", "@SpotifyCares songs won't play since this morning, just spinning"),
    ("playback", "why does spotify stop playing when my screen locks?? 😡"),
    ("playback", "Spotify audio keeps stuttering on wifi, youtube is fine"),
    ("playback", "spotify played the wrong song AGAIN, queue is a mess"),
    ("playback", "@SpotifyCares podcast episodes stop at 12 minutes every time"),
    ("account_login", "@SpotifyCares I can't log in, it says my password is wrong but I just reset it"),
    ("account_login", "Spotify logged me out on every device and now the login code never arrives"),
    ("account_login", "my spotify account got hacked, someone in another country is playing their playlists 😭"),
    ("account_login", "@SpotifyCares kicked out of the family plan for no reason?"),
    ("billing", "@SpotifyCares I was charged twice for Premium this month, please refund"),
    ("billing", "Spotify took my money but premium isn't active. payment failed they say. which is it"),
    ("billing", "how do I cancel my spotify subscription, the button does nothing"),
    ("billing", "Spotify raised the price again?? student plan was cheaper last year"),
    ("app_crash_bug", "Spotify keeps crashing on my iPhone after the update"),
    ("app_crash_bug", "@SpotifyCares app freezes every time I open my library"),
    ("app_crash_bug", "spotify desktop shows 'something went wrong' error code 17 on launch"),
    ("app_crash_bug", "the new Spotify UI is broken on android, buttons overlap the lyrics"),
    ("offline_download", "@SpotifyCares all my downloaded songs disappeared, I'm on a plane with nothing ✈️"),
    ("offline_download", "spotify says I'm offline when I'm clearly not. downloads greyed out"),
    ("offline_download", "Spotify is eating 9GB of storage and won't let me clear the cache"),
    ("device_connect", "Spotify Connect can't find my speaker anymore"),
    ("device_connect", "@SpotifyCares spotify won't connect to my car via bluetooth since the update"),
    ("device_connect", "Spotify on the PS5 just shows a black screen"),
    ("device_connect", "casting spotify to my smart TV drops every 5 minutes"),
    ("content_availability", "why is this album greyed out on Spotify?? it was there yesterday"),
    ("content_availability", "@SpotifyCares the lyrics are missing for half my playlist"),
    ("content_availability", "Spotify says this song is not available in my country 🙃"),
    ("recommendations_discovery", "my spotify recommendations are the same 10 songs on repeat"),
    ("recommendations_discovery", "Spotify Wrapped says my top artist is someone I never listen to??"),
    ("recommendations_discovery", "spotify search can't find an artist unless I type the exact name"),
    ("usability_howto", "how do I turn off autoplay on Spotify?"),
    ("usability_howto", "@SpotifyCares where did the queue button go? can't find it anywhere"),
    ("usability_howto", "how do you make a collaborative playlist on spotify now"),
    ("feature_request", "please add a way to hide songs on desktop, Spotify"),
    ("feature_request", "I wish Spotify had a proper equalizer on the web player"),
    ("feature_request", "@SpotifyCares can you add folders to the mobile app please 🙏"),
    ("outage", "is Spotify down for anyone else?"),
    ("outage", "SPOTIFY IS DOWN AGAIN #SpotifyDown"),
    ("outage", "spotify not loading anything right now, whole office has the same issue"),
]
praise = [
    "Spotify Wrapped this year is so good 🔥", "the new Spotify DJ feature actually slaps",
    "@SpotifyCares thanks, the fix worked! you're the best ❤️", "Discover Weekly nailed it again, Spotify knows me",
    "love that spotify lets me keep my podcasts and music in one place", "this playlist on spotify is a banger 🎧",
    "shoutout to spotify for the new audiobooks section", "Spotify's year in review made me cry (good tears)",
]
chatter = [
    "Wrapped is killing me 😂 apparently I'm in my sad era", "taking a crash course in jazz with a Spotify playlist lol",
    "this song crashed my party in the best way, found it on spotify", "Spotify is hiring backend engineers in Stockholm, job link in bio",
    "New study: Spotify, Apple Music and YouTube Music compared on audio quality", "Spotify shares up 3% after earnings $SPOT",
    "RT @musicnews: Spotify announces new podcast deals", "my cat sleeps every time I put on spotify's lo-fi playlist",
    "hot take: vinyl > spotify", "anyone have a good spotify playlist for running?",
]
noise = [
    "just had the best ramen of my life", "traffic on the bridge is insane today", "who else is watching the game tonight",
    "my plants are finally growing 🌱", "reminder: drink water", "the new coffee place on 5th is great",
    "Monday again. why", "finished my first marathon!!", "anyone know a good plumber in Lisbon?", "can't believe it's November already",
]
foreign = [
    ("es", "Spotify no me deja iniciar sesión desde ayer @SpotifyCares"),
    ("pt", "o Spotify travou de novo no meu celular, que raiva"),
    ("de", "Spotify stürzt ständig ab seit dem Update, echt nervig"),
    ("fr", "Spotify m'a facturé deux fois ce mois-ci ?!"),
    ("sv", "Spotify funkar inte i bilen längre, någon annan?"),
    ("ja", "スポティファイが開かない…アップデートしてから落ちる"),
    ("zh", "spotify很卡，歌都放不了"),
    ("ko", "spotify앱 또 튕겨요"),
    ("tr", "Spotify İstanbul'da çalışmıyor mu? uygulama açılmıyor"),
    ("th", "spotify เปิดไม่ได้เลย"),
]
odd = [
    "ＳＰＯＴＩＦＹ why are you like this", "spo\u200btify won't load my playlists", "Spotify’s shuffle is not random, I swear",
    "check spotify.com/status before complaining lol", "#Spotify #SpotifyWrapped #音乐 all day", "spotfy app crashed again smh",
    "spotiy logged me out 😤", "Spotifiy premium charged twice", "👨‍👩‍👧 family plan drama on spotify again",
    "🇸🇪 made the best app and it's spotify", "SPOTIFY WHY DO YOU KEEP CRASHING!!!", "sooooo spotify is down?",
]
urls = ["https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC", "https://support.spotify.com/us/article/cant-log-in/",
        "https://t.co/AbC123xyz", "https://open.spotify.com/playlist/37i9dQZF1DXcBWIGoYBM5M"]
authors = ["ana_b", "marcos.dev", "lenaplays", "tomk", "priya_s", "jo3y", "musiclover88", "kimchi_fan", "sven_e", "aiko"]

def ts(i):
    return f"2026-11-{20 + (i * 7) // 240:02d}T{(i * 37) % 24:02d}:{(i * 13) % 60:02d}:00Z"

generic = []
pool = ([("en", t, "complaint") for _, t in complaints] * 3 + [("en", t, "praise") for t in praise] * 2
        + [("en", t, "chatter") for t in chatter] * 2 + [("en", t, "noise") for t in noise] * 3
        + [(l, t, "foreign") for l, t in foreign] * 2 + [("en", t, "odd") for t in odd] * 2)
rng.shuffle(pool)
variants = [lambda t: t, lambda t: t + " pls fix", lambda t: "ugh " + t, lambda t: t + " 😤", lambda t: t + " #Spotify",
            lambda t: t + " (again)", lambda t: t.upper(), lambda t: t + " 🙏🏽", lambda t: "honestly " + t]
seen = {}
for i, (lang, text, kind) in enumerate(pool[:240]):
    count = seen.get(text, 0)
    seen[text] = count + 1
    if count and not text.startswith(("@", "RT @")):
        text = variants[(count + i) % len(variants)](text)
    mention = {"id": f"g{i:04d}", "text": text, "author": rng.choice(authors), "lang": lang,
               "created_at": ts(i), "source": "x"}
    if text.startswith("@SpotifyCares"):
        mention["is_reply"] = True
        mention["in_reply_to"] = "SpotifyCares"
    if text.startswith("RT @"):
        mention["is_retweet"] = True
    if rng.random() < 0.12:
        link = rng.choice(urls)
        mention["text"] = text + " " + link
        mention["urls"] = [link]
    if rng.random() < 0.05:
        mention["country"] = rng.choice(["se", "us", "br", "de"])
    generic.append(mention)

users = [{"id": str(1000 + n), "name": a.title(), "username": a} for n, a in enumerate(authors)]
cares = {"id": "17290000", "name": "Spotify Cares", "username": "SpotifyCares"}
xv2 = []
texts = [t for _, t in complaints] + praise + chatter + [t for _, t in foreign]
for i in range(100):
    author = users[i % len(users)]
    tweet_id = str(1860000000000000000 + i * 1000)
    data = {"id": tweet_id, "text": texts[i % len(texts)], "author_id": author["id"], "created_at": ts(i * 2),
            "lang": "en", "conversation_id": tweet_id}
    includes = [author]
    if i % 10 == 3:  # SpotifyCares answers the previous mention
        prev = xv2[-1]["data"]
        data = {"id": tweet_id, "text": f"@{users[(i - 1) % len(users)]['username']} Hey there! Sorry to hear that. Could you send us a DM with your account email?",
                "author_id": cares["id"], "created_at": ts(i * 2 + 1), "lang": "en",
                "conversation_id": prev["conversation_id"], "in_reply_to_user_id": prev["author_id"],
                "referenced_tweets": [{"type": "replied_to", "id": prev["id"]}]}
        includes = [cares, users[(i - 1) % len(users)]]
    elif data["text"].startswith("@SpotifyCares"):
        data["in_reply_to_user_id"] = cares["id"]
        data["referenced_tweets"] = [{"type": "replied_to", "id": str(1859999999999999000 + i)}]
        includes = [author, cares]
        data["entities"] = {"mentions": [{"start": 0, "end": 13, "username": "SpotifyCares", "id": cares["id"]}]}
    elif data["text"].startswith("RT @"):
        data["referenced_tweets"] = [{"type": "retweeted", "id": str(1859999999999998000 + i)}]
    if i % 9 == 5:
        link = urls[i % len(urls)]
        data["text"] += " https://t.co/x" + str(i)
        data.setdefault("entities", {})["urls"] = [{"start": len(data["text"]) - 23, "end": len(data["text"]),
                                                   "url": "https://t.co/x" + str(i), "expanded_url": link, "display_url": link[8:40]}]
    if i % 25 == 7:
        data["note_tweet"] = {"text": data["text"] + " Long post: I have tried reinstalling, logging out and in, clearing the cache, and it still happens on both my phone and laptop."}
    if i % 17 == 2:
        data["lang"] = "es" if i % 2 else "de"
    xv2.append({"data": data, "includes": {"users": includes}, "matching_rules": [{"id": "1", "tag": "spotify"}]})

(root / "generic.jsonl").write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in generic), encoding="utf-8")
(root / "x-v2.jsonl").write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in xv2), encoding="utf-8")
print(len(generic), len(xv2))
