#!/usr/bin/env python3
"""Writes the labeled synthetic streams for the spike detector and `earshot report`:

  Fixtures/spikes/stream.jsonl   3 days of X API v2 mentions, already annotated the way
                                 `earshot match` annotates them, with injected spikes
  Fixtures/spikes/calm.jsonl     the same traffic without the spikes
  Fixtures/spikes/spikes.json    the injected spikes: issue type, hour bucket start, extra mentions

Normal traffic per issue type follows a daily cycle (quiet at night, busy in the evening) with
Poisson noise; @SpotifyCares answers about a third of the direct mentions after a log-normal
delay. Deterministic: the same seed gives the same files.

    python3 scripts/make-spike-stream.py
"""
import json
import math
import os
import random

import argparse

parser = argparse.ArgumentParser(description="labeled synthetic spike streams")
parser.add_argument("seed", nargs="?", type=int, default=20261124)
parser.add_argument("--hours", type=int, default=72)
parser.add_argument("--scale", type=float, default=1.0, help="multiply every traffic rate (benchmarks)")
parser.add_argument("--out", default=None, help="output folder (default Fixtures/spikes)")
ARGS = parser.parse_args()
SEED = ARGS.seed
START = 1795219200  # 2026-11-21T00:00:00Z
HOURS = ARGS.hours
HANDLE_ID, HANDLE = "17230018", "SpotifyCares"

# mentions per hour at the daily mean, and a few texts per issue type
ISSUES = {
    "playback": (6.0, ["Spotify keeps skipping my songs", "songs stop after 10 seconds on spotify", "spotify won't play anything"]),
    "account_login": (3.0, ["spotify logged me out again", "can't log in to spotify", "my spotify account got hacked"]),
    "billing": (2.5, ["spotify charged me twice", "spotify refund please", "spotify payment failed"]),
    "app_crash_bug": (4.0, ["spotify app keeps crashing", "spotify freezes on launch", "spotify error code 4"]),
    "offline_download": (1.5, ["my spotify downloads disappeared", "spotify offline mode broken"]),
    "device_connect": (1.5, ["spotify connect can't find my speaker", "spotify won't connect to my car"]),
    "content_availability": (1.0, ["album greyed out on spotify", "lyrics missing on spotify"]),
    "outage": (0.4, ["is spotify down?", "spotify down for anyone"]),
    "none": (10.0, ["loving this spotify playlist", "spotify wrapped is so good", "new podcast on spotify"]),
}
INJECTED = [  # (issue type, hour index from START, extra mentions in that hour)
    ("playback", 38, 45),
    ("outage", 44, 30),
    ("account_login", 57, 35),
]
SPIKE_TEXTS = {
    "playback": ["spotify stopped playing mid song again", "songs keep stopping on spotify right now"],
    "outage": ["spotify is down right now", "spotify down, nothing loads"],
    "account_login": ["spotify logged everyone out, can't log in", "spotify login broken, password reset not working"],
}


def poisson(rng, lam):
    # Knuth's method (fine for small rates).
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def daily_factor(hour_of_day):
    return 1.0 + 0.6 * math.sin((hour_of_day - 9) / 24 * 2 * math.pi)


def annotation(issue, direct):
    if issue == "none":
        return {"rules": ["brand"], "tags": {"priority": "normal"}, "issue_type": "none",
                "sentiment": {"label": "positive", "compound": 0.6}, "kind": "direct" if direct else "mention",
                "needs_response": direct}
    rules = ["brand", issue] + (["handle"] if direct else [])
    priority = "high" if issue == "outage" else "normal"
    return {"rules": rules, "tags": {"issue_type": issue, "priority": priority}, "issue_type": issue,
            "sentiment": {"label": "negative", "compound": -0.5}, "kind": "direct" if direct else "mention",
            "needs_response": True}


def iso(seconds):
    import datetime
    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def generate(with_spikes):
    rng = random.Random(SEED)
    lines, next_id = [], 1900000000000000000
    for hour in range(HOURS):
        factor = daily_factor(hour % 24)
        events = []
        for issue, (rate, texts) in ISSUES.items():
            lam = rate * factor * ARGS.scale
            count = poisson(rng, lam) if lam < 30 else max(0, int(rng.gauss(lam, math.sqrt(lam)) + 0.5))
            for _ in range(count):
                events.append((issue, rng.choice(texts)))
        spike_rng = random.Random(SEED + hour)  # spikes never change the normal traffic's draws
        for issue, at, extra in INJECTED:
            if with_spikes and at == hour:
                for _ in range(extra):
                    events.append((issue, spike_rng.choice(SPIKE_TEXTS[issue])))
        normal = len(events) - sum(extra for issue, at, extra in INJECTED if with_spikes and at == hour)
        for index, (issue, text) in enumerate(events):
            draw = rng if index < normal else spike_rng  # injected mentions draw from their own generator
            next_id += 1
            t = START + hour * 3600 + draw.randrange(3600)
            user = str(5000 + draw.randrange(4000))
            direct = draw.random() < 0.35
            body = ("@SpotifyCares " if direct else "") + text
            line = {"data": {"id": str(next_id), "text": body, "author_id": user, "created_at": iso(t),
                             "conversation_id": str(next_id), "lang": "en"},
                    "includes": {"users": [{"id": user, "username": "user" + user}]},
                    "earshot": annotation(issue, direct)}
            lines.append((t, line))
            if direct and issue != "none" and draw.random() < 0.35:
                delay = int(min(30 * 3600, math.exp(draw.gauss(math.log(40 * 60), 0.9))))
                next_id += 1
                reply = {"data": {"id": str(next_id), "text": "@user%s sorry to hear that, can you DM us your device and app version?" % user,
                                  "author_id": HANDLE_ID, "created_at": iso(t + delay),
                                  "conversation_id": line["data"]["id"], "in_reply_to_user_id": user,
                                  "referenced_tweets": [{"type": "replied_to", "id": line["data"]["id"]}]},
                         "includes": {"users": [{"id": HANDLE_ID, "username": HANDLE}]},
                         "earshot": {"rules": []}}
                lines.append((t + delay, reply))
    lines.sort(key=lambda item: item[0])
    return [json.dumps(line, separators=(",", ":")) for _, line in lines if START <= _ < START + HOURS * 3600]


def main():
    out = ARGS.out or os.path.join(os.path.dirname(__file__), "..", "Fixtures", "spikes")
    os.makedirs(out, exist_ok=True)
    for name, spikes in (("stream.jsonl", True), ("calm.jsonl", False)):
        with open(os.path.join(out, name), "w") as f:
            f.write("\n".join(generate(spikes)) + "\n")
    truth = [{"issue_type": issue, "bucket_start": iso(START + hour * 3600).replace(".000", ""), "extra": extra}
             for issue, hour, extra in INJECTED]
    with open(os.path.join(out, "spikes.json"), "w") as f:
        json.dump({"bucket_seconds": 3600, "spikes": truth}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
