#!/usr/bin/python3
# Reads an iCalendar file with python-icalendar (Debian's python3-icalendar, a parser
# independent of libical) and prints what a calendar client would see:
#   VTIMEZONE <count> <tzid>...
#   EVENT <uid> <start> <end>
# with times in UTC (YYYYMMDDTHHMMSSZ), DATE:YYYYMMDD for a whole day, FLOATING for a
# time without zone, and - when absent. Exits 1 when the file does not parse.
import datetime
import sys

import icalendar


def show(event, name):
    if name not in event:
        return "-"
    value = event[name].dt
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return "FLOATING"
        return value.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return "DATE:" + value.strftime("%Y%m%d")


def main():
    with open(sys.argv[1], "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    print("VTIMEZONE", len(zones), *zones)
    for event in cal.walk("VEVENT"):
        print("EVENT", str(event["UID"]), show(event, "DTSTART"), show(event, "DTEND"))


if __name__ == "__main__":
    main()
