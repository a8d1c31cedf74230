#!/usr/bin/env python3
"""Writes Tests/EarshotTaggingTests/Fixtures/vader-parity.jsonl: English sentences with the scores
of the reference implementation, vaderSentiment 3.3.2, for the Swift scorer's parity test.

Made once with:
    python3 -m venv /tmp/vader-venv && /tmp/vader-venv/bin/pip install vaderSentiment==3.3.2
    /tmp/vader-venv/bin/python scripts/sentiment-parity-fixture.py

The sentences are generated from Earshot's own templates and word lists with a fixed seed, so the
file is reproducible: reviews, tweets, support complaints, emoji and emoticons, negations, ALL
CAPS, boosters and dampeners, "but", "least", idioms, punctuation and elongation. Words with a
valence are also drawn from the VADER lexicon itself so that most of it is exercised.
"""
import json
import os
import random

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

SEED = 20261124
OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "EarshotTaggingTests", "Fixtures", "vader-parity.jsonl")

SUBJECTS = ["The app", "Spotify", "This playlist", "My account", "The update", "Support", "The new design",
            "The podcast", "This album", "Your service", "The shuffle", "Premium", "The car mode", "It",
            "The sound quality", "The customer service", "Wrapped", "The search", "Offline mode", "The lyrics"]
VERBS = ["is", "was", "feels", "looks", "seems", "has been", "keeps being", "got", "became", "sounds"]
BOOSTERS = ["very", "extremely", "really", "so", "totally", "incredibly", "kinda", "kind of", "sort of",
            "slightly", "barely", "hardly", "somewhat", "absolutely", "utterly", "quite", "most", "less", "almost"]
NEGATIONS = ["not", "never", "isn't", "wasn't", "don't", "doesn't", "can't", "won't", "hardly", "without",
             "no", "nothing", "aint", "cannot", "didn't", "nor"]
ADJECTIVES = ["good", "great", "bad", "terrible", "amazing", "awful", "fine", "slow", "broken", "useless",
              "perfect", "annoying", "helpful", "frustrating", "excellent", "horrible", "nice", "poor", "cool",
              "stupid", "wonderful", "disappointing", "fantastic", "sad", "happy", "angry", "lovely", "weird"]
PUNCT = ["", ".", "!", "!!", "!!!", "!!!!!", "?", "??", "???", "?!", "...", " :)", " :(", " :D", " :-(", " <3",
         " lol", " smh", " ugh", " wtf"]
EMOJI = ["😀", "😂", "😍", "😡", "😭", "👍", "👎", "❤️", "💔", "🔥", "🙏", "😤", "🤬", "😊", "😢", "🎉", "💀", "🙄",
         "😩", "🥰", "✨", "😐", "🤔", "💩", "😎"]
SUPPORT = ["my songs keep skipping", "the app crashes every time I open it", "I was charged twice this month",
           "I can't log in", "my downloads disappeared", "the album is greyed out", "it won't connect to my speaker",
           "the podcast stops playing", "I got logged out again", "the lyrics are missing",
           "my playlist is gone", "the app froze", "the search can't find anything", "my payment failed",
           "Connect stopped working", "offline mode is broken", "the audio is buffering constantly",
           "my family plan kicked me out", "the shuffle plays the same songs", "the car mode is confusing"]
OPENERS = ["", "@SpotifyCares ", "Hey Spotify, ", "Honestly ", "Ugh, ", "Wow ", "Seriously ", "Lol ", "PLEASE ",
           "Dear support, ", "Not gonna lie, ", "At least ", "Yeah right, "]
CLOSERS = ["", " Please help.", " Thanks!", " Fix it.", " Thank you so much!", " I hate this.", " Love you guys.",
           " What is going on?", " This is the worst.", " Not happy.", " Great job.", " SO ANNOYING",
           " but the music is great", " but support fixed it fast", " but whatever", " and I love it"]
IDIOMS = ["the shit", "the bomb", "bad ass", "yeah right", "kiss of death", "to die for", "beating heart",
          "cut the mustard", "under the weather", "not bad at all", "without a doubt it is good",
          "never so happy", "never this good", "at least it works", "the least helpful", "very least",
          "no good", "no love or hope", "not so great", "nothing good", "none of it is nice"]
ELONGATED = ["sooooo", "goooood", "loveeee", "baaaad", "greaaat", "whyyyy", "nooooo", "yesss", "haaate", "cooool"]


def caps(text, rng):
    words = text.split(" ")
    return " ".join(w.upper() if rng.random() < 0.3 else w for w in words)


def lexicon_words(analyzer):
    return sorted(w for w in analyzer.lexicon if " " not in w and w.isalpha())


def sentences(rng, lexicon):
    out = []
    for _ in range(700):  # reviews and tweets from templates
        parts = [rng.choice(SUBJECTS), rng.choice(VERBS)]
        if rng.random() < 0.4:
            parts.append(rng.choice(NEGATIONS))
        if rng.random() < 0.5:
            parts.append(rng.choice(BOOSTERS))
        parts.append(rng.choice(ADJECTIVES if rng.random() < 0.6 else lexicon))
        text = " ".join(parts) + rng.choice(PUNCT)
        if rng.random() < 0.25:
            text = caps(text, rng)
        if rng.random() < 0.2:
            text += " " + rng.choice(EMOJI)
        out.append(text)
    for _ in range(500):  # support complaints
        text = rng.choice(OPENERS) + rng.choice(SUPPORT) + rng.choice(PUNCT) + rng.choice(CLOSERS)
        if rng.random() < 0.2:
            text = caps(text, rng)
        if rng.random() < 0.3:
            text += " " + rng.choice(EMOJI) * rng.randint(1, 3)
        out.append(text.strip())
    for _ in range(350):  # lexicon sweep: two or three lexicon words with glue
        words = [rng.choice(lexicon) for _ in range(rng.randint(1, 3))]
        glue = rng.choice([" and ", " but ", ", ", " or ", " so ", " not ", " "])
        out.append(rng.choice(OPENERS) + glue.join(words) + rng.choice(PUNCT))
    for _ in range(250):  # idioms, least, never so, without doubt, kind of
        text = rng.choice(SUBJECTS) + " is " + rng.choice(IDIOMS)
        if rng.random() < 0.5:
            text += rng.choice(CLOSERS)
        out.append(text + rng.choice(PUNCT))
    for _ in range(150):  # emoji and emoticons alone or nearly alone
        text = " ".join(rng.choice(EMOJI + [":)", ":(", ":D", ";)", ":/", ":'(", "<3", "</3", ":P", "xD"])
                        for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5:
            text = rng.choice(SUBJECTS) + " " + text
        out.append(text)
    for _ in range(100):  # elongation and slang (VADER itself ignores elongation)
        out.append(rng.choice(SUBJECTS) + " is " + rng.choice(ELONGATED) + " " + rng.choice(ADJECTIVES) + rng.choice(PUNCT))
    for _ in range(100):  # contrast sentences
        a = rng.choice(SUBJECTS) + " " + rng.choice(VERBS) + " " + rng.choice(ADJECTIVES)
        b = rng.choice(SUBJECTS).lower() + " " + rng.choice(VERBS) + " " + rng.choice(ADJECTIVES)
        out.append(a + rng.choice([", but ", " but ", ". But ", " BUT "]) + b + rng.choice(PUNCT))
    return out


def main():
    analyzer = SentimentIntensityAnalyzer()
    rng = random.Random(SEED)
    lexicon = lexicon_words(analyzer)
    seen = set()
    with open(OUT, "w", encoding="utf-8") as f:
        for text in sentences(rng, lexicon):
            if text in seen:
                continue
            seen.add(text)
            scores = analyzer.polarity_scores(text)
            f.write(json.dumps({"text": text, "compound": scores["compound"], "pos": scores["pos"],
                                "neu": scores["neu"], "neg": scores["neg"]}, ensure_ascii=False) + "\n")
    print(f"wrote {len(seen)} sentences to {OUT}")


if __name__ == "__main__":
    main()
