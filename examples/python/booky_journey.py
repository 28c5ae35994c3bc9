#!/usr/bin/env python3
"""A reading bot for Booky's REST API, in Python's standard library only.

With a personal access token (scopes: read, meetings:write, progress:write) it
lists my clubs, answers "going" to my club's next meeting, reports the page I
reached and reads the club's leaderboard:

    BOOKY_URL=http://localhost:3000 BOOKY_TOKEN=bky_... python3 booky_journey.py --page 42

The contract is Booky's OpenAPI document (/api/openapi.json, docs/api.md).
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

RETRIED_STATUSES = (429, 503)
MAX_ATTEMPTS = 4
MAX_WAIT_SECONDS = 30


class BookyError(Exception):
    """A call Booky refused: the HTTP status and Booky's error body (code, message, issues, data)."""

    def __init__(self, status, body):
        self.status = status
        self.body = body if isinstance(body, dict) else {}
        self.code = self.body.get("code", f"HTTP_{status}")
        super().__init__(self.body.get("message", f"HTTP {status}"))


class Booky:
    def __init__(self, base_url, token):
        self.api = base_url.rstrip("/") + "/api/v1"
        self.token = token

    def call(self, method, path, query=None, body=None):
        """One REST operation; 429 and 503 are retried after their Retry-After (or a doubling wait)."""
        url = self.api + path
        if query:
            url += "?" + urllib.parse.urlencode(query)
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        data = None
        if method != "GET":
            headers["Content-Type"] = "application/json"
            data = json.dumps(body or {}).encode()
        for attempt in range(1, MAX_ATTEMPTS + 1):
            request = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return json.load(response)
            except urllib.error.HTTPError as error:
                try:
                    answer = json.load(error)
                except ValueError:
                    answer = None
                retry_after = error.headers.get("Retry-After", "")
                wait = int(retry_after) if retry_after.isdigit() else 0.25 * 2 ** (attempt - 1)
                if error.code not in RETRIED_STATUSES or attempt == MAX_ATTEMPTS or wait > MAX_WAIT_SECONDS:
                    raise BookyError(error.code, answer) from None
                time.sleep(wait)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", type=int, required=True, help="the page I reached in the next meeting's book")
    parser.add_argument("--club", help="the club's slug (default: the first of my clubs)")
    args = parser.parse_args()
    booky = Booky(os.environ.get("BOOKY_URL", "http://localhost:3000"), os.environ["BOOKY_TOKEN"])

    clubs = booky.call("GET", "/clubs", {"mine": "true", "limit": 50})["items"]
    print(f"my clubs: {len(clubs)}")
    for club in clubs:
        print(f"  {club['name']} ({club['slug']}), {club['memberCount']} members, my role: {club['myRole']}")
    club = next((c for c in clubs if args.club in (None, c["slug"])), None)
    if club is None:
        sys.exit("no such club among mine")

    # Upcoming by start time, soonest first; a meeting already closed or cancelled takes no answers.
    upcoming = booky.call("GET", f"/clubs/{club['id']}/meetings", {"when": "upcoming", "limit": 20})["items"]
    meeting = next((m for m in upcoming if m["status"] in ("scheduled", "active")), None)
    if meeting is None:
        sys.exit(f"{club['name']} has no open meeting ahead")
    book = meeting["book"]
    print(f"next meeting: {book['title']} ({meeting['bookPageCount']} pages) on {meeting['startsAt']}")

    rsvp = booky.call("POST", f"/meetings/{meeting['id']}/rsvp", body={"status": "going"})
    print(f"rsvp: {rsvp['status']}")

    # Progress is compare-and-set: send the version I read; a lost race answers CONFLICT with the current one.
    mine = booky.call("GET", f"/meetings/{meeting['id']}/progress/mine")
    version = mine["version"] if mine else 0
    progress = booky.call(
        "POST", f"/meetings/{meeting['id']}/progress", body={"page": args.page, "expectedVersion": version}
    )
    print(
        f"progress: page {progress['page']} of {meeting['bookPageCount']} "
        f"({round(progress['percent'])}%), version {progress['version']}"
    )

    board = booky.call("GET", "/leaderboards/users", {"scope": "club", "clubId": club["id"], "limit": 10})
    print(f"leaderboard of {club['name']}:")
    for entry in board["items"]:
        print(f"  #{entry['rank']} {entry['user']['displayName']} (@{entry['user']['username']}): {entry['score']}")
    print(f"me: #{board['me']['rank']} with {board['me']['score']} points")


if __name__ == "__main__":
    try:
        main()
    except BookyError as error:
        print(f"error: {error.code} ({error.status}): {error}", file=sys.stderr)
        sys.exit(1)
