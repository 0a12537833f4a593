"""News agencies, photo agencies and the names outlets go by, mapped to one short name each."""

from __future__ import annotations

# Agencies that appear in datelines ("Berlin (dpa) -") and source lines, as they are usually written.
AGENCIES = (
    "dpa", "dpa-AFX", "AFP", "Reuters", "AP", "epd", "KNA", "dts", "SID", "APA", "sda", "Keystone-SDA",
    "ANP", "Belga", "ANSA", "EFE", "Bloomberg", "UPI", "TASS", "Interfax", "RIA", "Xinhua", "Yonhap",
    "Kyodo", "KCNA", "Ukrinform", "PAP", "CTK", "MTI",
)

# Other names of outlets (lower case) -> the short name used in briefings.
OUTLET_ALIASES = {
    "thomson reuters": "Reuters",
    "reuters": "Reuters",
    "deutsche presse-agentur": "dpa",
    "deutsche presseagentur": "dpa",
    "dpa deutsche presse-agentur gmbh": "dpa",
    "dpa": "dpa",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "afp": "AFP",
    "associated press": "AP",
    "the associated press": "AP",
    "ap": "AP",
    "evangelischer pressedienst": "epd",
    "epd": "epd",
    "katholische nachrichten-agentur": "KNA",
    "kna": "KNA",
    "sport-informations-dienst": "SID",
    "austria presse agentur": "APA",
    "schweizerische depeschenagentur": "sda",
    "keystone-sda": "Keystone-SDA",
    "bloomberg news": "Bloomberg",
    "bloomberg l.p.": "Bloomberg",
}

# Photo agencies and credit names that are glued to the next sentence in scraped text
# ("Foto: APMit einem Zug ..."). Longest match wins, so "imago images" beats "imago".
PHOTO_CREDITS = (
    "AP", "AP Photo", "dpa", "dpa-Zentralbild", "AFP", "Reuters", "imago", "imago images", "IMAGO",
    "picture alliance", "picture-alliance", "Getty Images", "Getty", "EPA", "EPA-EFE", "Keystone",
    "Shutterstock", "iStock", "iStockphoto", "Xinhua", "KCNA", "Yonhap", "Sputnik", "ANP", "Belga",
    "Anadolu", "laif", "Ullstein", "ullstein bild", "SZ Photo", "Bundesregierung", "privat",
)
