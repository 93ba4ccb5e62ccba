#!/usr/bin/env python3
"""Writes the "units" and "currencies" sections of rules/default.json.

The units news copy uses (science, tech, weather, energy, sport, health,
business), each with its normalised name and, where its dimension has one, the
factor (and offset) to the SI base unit, so that "72 years" and "seven
decades" can be compared. Spellings, plurals, symbols and SI-prefixed forms
are expanded here, once, so the rule file stays plain data. Run after editing
the tables below:  python3 tools/units_table.py
"""
import json
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
RULES = os.path.join(ROOT, "rules", "default.json")

YEAR = 365.25 * 86400
PCT_CONTEXT = ["%", "percent", "per cent", "poll", "survey", "approval", "support", "rate",
               "percentage"]

# (phrases, class, name, base, factor[, offset]) ; phrases starting with "=" are
# read only when glued to the number ("30g").
UNITS = [
    # shares
    (["%", "percent", "per cent", "pct"], "percent", "percent", None, 1),
    (["percentage points", "percentage point", "-percentage-point"], "percentage_point",
     "percentage point", None, 1),
    # durations
    # not "second": "for a second time"
    (["seconds", "secs", "-second"], "duration", "second", "second", 1),
    (["minutes", "minute", "mins", "-minute"], "duration", "minute", "second", 60),
    (["hours", "hour", "hrs", "-hour"], "duration", "hour", "second", 3600),
    (["days", "day", "-day"], "duration", "day", "second", 86400),
    (["weeks", "week", "-week"], "duration", "week", "second", 7 * 86400),
    (["months", "month", "-month"], "duration", "month", "second", YEAR / 12),
    (["years", "year", "-year"], "duration", "year", "second", YEAR),
    (["decades", "decade", "-decade"], "duration", "decade", "second", 10 * YEAR),
    (["centuries", "century", "-century"], "duration", "century", "second", 100 * YEAR),
    # ratios
    (["times", "fold", "-fold"], "ratio", None, None, 1),
    # length
    (["millimetres", "millimeters", "millimetre", "millimeter", "mm", "-millimetre",
      "-millimeter"], "other", "millimetre", "metre", 1e-3),
    (["centimetres", "centimeters", "centimetre", "centimeter", "cm", "-centimetre",
      "-centimeter"], "other", "centimetre", "metre", 1e-2),
    (["metres", "meters", "metre", "meter", "-metre", "-meter"], "other", "metre", "metre", 1),
    (["kilometres", "kilometers", "kilometre", "kilometer", "km", "kms", "-kilometre",
      "-kilometer", "-km"], "other", "kilometre", "metre", 1e3),
    (["inches", "inch", "-inch"], "other", "inch", "metre", 0.0254),
    (["feet", "foot", "ft", "-foot", "-feet"], "other", "foot", "metre", 0.3048),
    (["yards", "yard", "yd", "yds", "-yard"], "other", "yard", "metre", 0.9144),
    (["miles", "mile", "-mile", "mi"], "other", "mile", "metre", 1609.344),
    (["nautical miles", "nautical mile"], "other", "nautical mile", "metre", 1852),
    (["light-years", "light years", "light-year", "light year"], "other", "light-year", "metre",
     9460730472580800),
    # mass
    (["milligrams", "milligram", "mg"], "other", "milligram", "kilogram", 1e-6),
    (["micrograms", "microgram", "mcg", "µg"], "other", "microgram", "kilogram", 1e-9),
    (["grams", "gram", "=g"], "other", "gram", "kilogram", 1e-3),
    (["kilograms", "kilogram", "kilos", "kg", "kgs", "-kilogram", "-kg"], "other", "kilogram",
     "kilogram", 1),
    (["tonnes", "tonne", "metric tons", "metric ton", "-tonne"], "other", "tonne", "kilogram",
     1000),
    (["tons", "ton", "-ton"], "other", "ton", "kilogram", 907.18474),
    (["pounds", "pound", "lbs", "lb", "-pound"], "other", "pound", "kilogram", 0.45359237),
    (["ounces", "ounce", "oz", "-ounce"], "other", "ounce", "kilogram", 0.028349523125),
    (["stone"], "other", "stone", "kilogram", 6.35029318),
    # volume
    (["millilitres", "milliliters", "millilitre", "milliliter", "ml"], "other",
     "millilitre", "cubic metre", 1e-6),
    (["litres", "liters", "litre", "liter", "=l"], "other", "litre", "cubic metre", 1e-3),
    (["gallons", "gallon", "-gallon"], "other", "gallon", "cubic metre", 0.003785411784),
    (["barrels", "barrel", "bbl"], "other", "barrel", "cubic metre", 0.158987294928),
    (["cups", "cup"], "other", "cup", "cubic metre", 0.0002365882365),
    (["cubic metres", "cubic meters", "cubic metre", "cubic meter"], "other", "cubic metre",
     "cubic metre", 1),
    (["cubic feet", "cubic foot"], "other", "cubic foot", "cubic metre", 0.028316846592),
    # area
    (["square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²"],
     "other", "square metre", "square metre", 1),
    (["square kilometres", "square kilometers", "square kilometre", "square kilometer",
      "sq km", "km2", "km²"], "other", "square kilometre", "square metre", 1e6),
    (["square feet", "square foot", "sq ft", "-square-foot"], "other", "square foot",
     "square metre", 0.09290304),
    (["square miles", "square mile", "sq mi", "-square-mile"], "other", "square mile",
     "square metre", 2589988.110336),
    (["acres", "acre", "-acre"], "other", "acre", "square metre", 4046.8564224),
    (["hectares", "hectare", "ha"], "other", "hectare", "square metre", 1e4),
    # speed
    (["mph", "miles per hour", "mile per hour", "miles an hour", "-mph"], "other",
     "mile per hour", "metre per second", 0.44704),
    (["km/h", "kph", "kmh", "kilometres per hour", "kilometers per hour", "kilometres an hour",
      "kilometers an hour"], "other", "kilometre per hour", "metre per second", 1 / 3.6),
    (["m/s", "metres per second", "meters per second"], "other", "metre per second",
     "metre per second", 1),
    (["knots", "knot"], "other", "knot", "metre per second", 1852 / 3600),
    # data
    (["bytes", "byte"], "other", "byte", "byte", 1),
    (["kilobytes", "kilobyte", "KB"], "other", "kilobyte", "byte", 1e3),
    (["megabytes", "megabyte", "MB"], "other", "megabyte", "byte", 1e6),
    (["gigabytes", "gigabyte", "GB"], "other", "gigabyte", "byte", 1e9),
    (["terabytes", "terabyte", "TB"], "other", "terabyte", "byte", 1e12),
    (["petabytes", "petabyte", "PB"], "other", "petabyte", "byte", 1e15),
    (["kbps", "kilobits per second"], "other", "kilobit per second", "bit per second", 1e3),
    (["Mbps", "megabits per second"], "other", "megabit per second", "bit per second", 1e6),
    (["Gbps", "gigabits per second"], "other", "gigabit per second", "bit per second", 1e9),
    # frequency
    (["hertz", "Hz"], "other", "hertz", "hertz", 1),
    (["kilohertz", "kHz"], "other", "kilohertz", "hertz", 1e3),
    (["megahertz", "MHz"], "other", "megahertz", "hertz", 1e6),
    (["gigahertz", "GHz"], "other", "gigahertz", "hertz", 1e9),
    # power
    (["watts", "watt", "-watt", "=W"], "other", "watt", "watt", 1),
    (["kilowatts", "kilowatt", "kW", "-kilowatt"], "other", "kilowatt", "watt", 1e3),
    (["megawatts", "megawatt", "MW", "-megawatt", "-MW"], "other", "megawatt", "watt", 1e6),
    (["gigawatts", "gigawatt", "GW", "-gigawatt", "-GW"], "other", "gigawatt", "watt", 1e9),
    (["horsepower", "hp", "bhp", "-horsepower"], "other", "horsepower", "watt", 745.69987158227),
    # energy
    (["joules", "joule"], "other", "joule", "joule", 1),
    (["kilowatt-hours", "kilowatt-hour", "kilowatt hours", "kilowatt hour", "kWh"], "other",
     "kilowatt-hour", "joule", 3.6e6),
    (["megawatt-hours", "megawatt-hour", "megawatt hours", "megawatt hour", "MWh"], "other",
     "megawatt-hour", "joule", 3.6e9),
    (["gigawatt-hours", "gigawatt-hour", "gigawatt hours", "gigawatt hour", "GWh"], "other",
     "gigawatt-hour", "joule", 3.6e12),
    (["terawatt-hours", "terawatt-hour", "terawatt hours", "terawatt hour", "TWh"], "other",
     "terawatt-hour", "joule", 3.6e15),
    (["calories", "calorie", "kcal"], "other", "kilocalorie", "joule", 4184),
    # electricity
    (["volts", "volt", "=V"], "other", "volt", "volt", 1),
    (["kilovolts", "kilovolt", "kV"], "other", "kilovolt", "volt", 1e3),
    (["amps", "amperes", "ampere", "amp"], "other", "ampere", "ampere", 1),
    (["milliamp-hours", "mAh"], "other", "milliampere-hour", "coulomb", 3.6),
    # pressure, sound, radiation
    (["millibars", "millibar", "mbar"], "other", "millibar", "pascal", 100),
    (["hectopascals", "hectopascal", "hPa"], "other", "hectopascal", "pascal", 100),
    (["psi"], "other", "pound per square inch", "pascal", 6894.757293168),
    (["decibels", "decibel", "dB"], "other", "decibel", None, 1),
    (["millisieverts", "millisievert", "mSv"], "other", "millisievert", "sievert", 1e-3),
    # temperature
    (["degrees Celsius", "degree Celsius", "degrees centigrade", "degrees C", "°C", "° C",
      "Celsius", "=C"], "other", "degree Celsius", "degree Celsius", 1, 0),
    (["degrees Fahrenheit", "degree Fahrenheit", "degrees F", "°F", "° F", "Fahrenheit", "=F"],
     "other", "degree Fahrenheit", "degree Celsius", 5 / 9, -160 / 9),
    (["kelvin", "kelvins"], "other", "kelvin", "degree Celsius", 1, -273.15),
    (["degrees", "degree", "°"], "other", "degree", None, 1),
    # counts of things measured in their own words
    (["megawatt peak"], "other", "megawatt", "watt", 1e6),
]

# Units whose words are also everyday words keep the context they need.
REQUIRES = {
    "points": PCT_CONTEXT, "point": PCT_CONTEXT, "pts": PCT_CONTEXT,
    "-point": PCT_CONTEXT + ["lead"],
}
EXTRA = [  # (phrase, class, name, requires)
    ("points", "percentage_point", "percentage point"),
    ("point", "percentage_point", "percentage point"),
    ("pts", "percentage_point", "percentage point"),
    ("-point", "percentage_point", "percentage point"),
]

# ISO code, symbols written before the number, words written after it.
CURRENCIES = [
    ("USD", ["$", "US$", "$US", "U.S. $", "USD"], ["dollars", "dollar", "USD", "US dollars"]),
    ("EUR", ["€", "EUR"], ["euros", "euro", "EUR", "€"]),
    ("GBP", ["£", "GBP"], ["GBP", "£", "sterling"]),
    ("JPY", ["¥", "JPY"], ["yen", "JPY"]),
    ("CNY", ["CNY", "RMB"], ["yuan", "renminbi", "CNY", "RMB"]),
    ("KRW", ["₩", "KRW"], ["won", "KRW"]),
    ("INR", ["₹", "Rs", "Rs.", "INR"], ["rupees", "rupee", "INR"]),
    ("MYR", ["RM", "MYR"], ["ringgit", "MYR"]),
    ("CHF", ["CHF"], ["Swiss francs", "Swiss franc", "CHF"]),
    ("CAD", ["C$", "CA$", "CAD"], ["Canadian dollars", "CAD"]),
    ("AUD", ["A$", "AU$", "AUD"], ["Australian dollars", "AUD"]),
    ("NZD", ["NZ$", "NZD"], ["New Zealand dollars", "NZD"]),
    ("HKD", ["HK$", "HKD"], ["Hong Kong dollars", "HKD"]),
    ("SGD", ["S$", "SGD"], ["Singapore dollars", "SGD"]),
    ("MXN", ["MXN", "MX$"], ["pesos", "peso", "Mexican pesos", "MXN"]),
    ("BRL", ["R$", "BRL"], ["reais", "BRL"]),
    ("ZAR", ["ZAR"], ["rand", "ZAR"]),
    ("RUB", ["₽", "RUB"], ["rubles", "roubles", "ruble", "rouble", "RUB"]),
    ("TRY", ["₺", "TRY"], ["lira", "liras", "Turkish lira"]),
    ("AED", ["AED"], ["dirhams", "dirham", "AED"]),
    ("SAR", ["SAR"], ["riyals", "riyal", "SAR"]),
    ("QAR", ["QAR"], ["Qatari riyals", "QAR"]),
    ("NGN", ["₦", "NGN"], ["naira", "NGN"]),
    ("PHP", ["₱", "PHP"], ["Philippine pesos", "PHP"]),
    ("ILS", ["₪", "ILS"], ["shekels", "shekel", "ILS"]),
    ("SEK", ["SEK"], ["Swedish kronor", "SEK"]),
    ("NOK", ["NOK"], ["Norwegian kroner", "NOK"]),
    ("DKK", ["DKK"], ["Danish kroner", "DKK"]),
    ("PLN", ["PLN"], ["zloty", "zlotys", "PLN"]),
    ("VND", ["₫", "VND"], ["dong", "VND"]),
    ("THB", ["฿", "THB"], ["baht", "THB"]),
    ("IDR", ["Rp", "IDR"], ["rupiah", "IDR"]),
    ("PKR", ["PKR"], ["Pakistani rupees", "PKR"]),
    ("EGP", ["EGP"], ["Egyptian pounds", "EGP"]),
    ("KES", ["KSh", "KES"], ["shillings", "Kenyan shillings", "KES"]),
]
SUBUNITS = [("cents", "USD", 0.01), ("cent", "USD", 0.01), ("pence", "GBP", 0.01),
            ("p", "GBP", 0.01)]


def units():
    out = []
    for row in UNITS:
        phrases, cls, name, base, factor = row[:5]
        offset = row[5] if len(row) > 5 else 0
        for ph in phrases:
            e = {"phrase": ph.lstrip("=") if ph != "=" else ph, "unit": cls}
            if ph.startswith("=") and len(ph) > 1:
                e["glued"] = True
            if name:
                e["name"] = name
            if base:
                e["base"] = base
                if factor != 1:
                    e["factor"] = factor
                if offset:
                    e["offset"] = offset
            out.append(e)
    for ph, cls, name in EXTRA:
        out.append({"phrase": ph, "unit": cls, "name": name, "requires": REQUIRES[ph]})
    # Each spelling once (case does not matter to the matcher).
    seen, uniq = set(), []
    for e in out:
        k = e["phrase"].lower()
        if k in seen:
            raise SystemExit(f"units_table.py: '{e['phrase']}' listed twice")
        seen.add(k)
        uniq.append(e)
    return uniq


def currencies():
    out, seen = [], set()
    for code, symbols, words in CURRENCIES:
        for s in symbols:
            key = ("s", s.lower())
            if key in seen:
                continue
            seen.add(key)
            out.append({"symbol": s, "code": code})
        for w in words:
            key = ("w", w.lower())
            if key in seen:
                continue
            seen.add(key)
            e = {"word": w, "code": code}
            if any(x.lower() == w.lower() for x in symbols):
                e["id"] = f"{w}-after"
            out.append(e)
    for w, code, scale in SUBUNITS:
        out.append({"word": w, "code": code, "scale": scale})
    return out


def main():
    with open(RULES, encoding="utf-8") as f:
        rules = json.load(f)
    rules["units"] = units()
    rules["currencies"] = currencies()
    text = json.dumps(rules, ensure_ascii=False, indent=2)
    with open(RULES, "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
