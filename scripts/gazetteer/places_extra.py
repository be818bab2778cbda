"""Hand tables for places: name overrides, extra English spellings, city districts, regions."""

from __future__ import annotations

# --------------------------------------------------------------------------- name overrides
# (country, GeoNames name) -> name used by English-language news.  Applied after the
# automatic transliteration clean-up of the build script (which already turns
# "Zaporizhzhya" into "Zaporizhzhia", "Kryvyy Rih" into "Kryvyi Rih", "Mykolayiv" into
# "Mykolaiv", "Nizhniy Novgorod" into "Nizhny Novgorod" ...).  The GeoNames name always
# stays among the surface forms.
NAME_OVERRIDE: dict[tuple[str, str], str] = {
    ("UA", "Siverskodonetsk"): "Sievierodonetsk",
    ("UA", "Yevpatoriya"): "Yevpatoria",
    ("UA", "Feodosiya"): "Feodosia",
    ("UA", "Saki"): "Saky",
    ("UA", "Dzhankoy"): "Dzhankoi",
    ("UA", "Bakhchysaray"): "Bakhchysarai",
    ("UA", "Armyansk"): "Armiansk",
    ("UA", "Mar'yinka"): "Marinka",
    ("UA", "Stary Krym"): "Staryi Krym",
    ("UA", "Slov`yanoserbsk"): "Slovianoserbsk",
    ("UA", "Kamyanka-Dniprovska"): "Kamianka-Dniprovska",
    ("UA", "Stanytsya-Luhanska"): "Stanytsia Luhanska",
    ("UA", "Dniprovskyi"): "Dniprovskyi",
    ("UA", "Znob Novhorodske"): "Znob-Novhorodske",  # the official spelling keeps the hyphen
    ("RU", "Orël"): "Oryol",
    ("RU", "Saint Petersburg"): "Saint Petersburg",
    ("RU", "Nar'yan-Mar"): "Naryan-Mar",
    ("BY", "Homyel'"): "Gomel",
    ("BY", "Hrodna"): "Grodno",
    ("BY", "Mahilyow"): "Mogilev",
    ("BY", "Barysaw"): "Borisov",
    ("BY", "Babruysk"): "Bobruisk",
    ("BY", "Maladzyechna"): "Molodechno",
    ("BY", "Salihorsk"): "Soligorsk",
    ("BY", "Navapolatsk"): "Novopolotsk",
    ("BY", "Lida"): "Lida",
    ("BY", "Polatsk"): "Polotsk",
    ("BY", "Zhlobin"): "Zhlobin",
    ("BY", "Svyetlahorsk"): "Svetlogorsk",
    ("BY", "Rechytsa"): "Rechitsa",
    ("BY", "Zhodzina"): "Zhodino",
    ("BY", "Slutsk"): "Slutsk",
    ("BY", "Asipovichy"): "Osipovichi",
    ("BY", "Mazyr"): "Mozyr",
    ("BY", "Baranavichy"): "Baranovichi",
    ("BY", "Pinsk"): "Pinsk",
    ("BY", "Orsha"): "Orsha",
    ("BY", "Kobryn"): "Kobrin",
    ("MD", "Chisinau"): "Chisinau",
}

# Population corrections: GeoNames figures that are badly stale for cities that matter
# (pre-2022 official estimates, State Statistics Service of Ukraine, 1 Jan 2022).
POPULATION_OVERRIDE: dict[tuple[str, str], int] = {
    ("UA", "Kherson"): 279131,
    ("UA", "Mariupol"): 425681,
}

# --------------------------------------------------------------------------- extra forms
# (country, final name) -> spellings English news uses that GeoNames lacks or that must
# be present whatever GeoNames says.  Applied to the most populous place of that name.
EXTRA_FORMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("UA", "Kyiv"): ("Kiev", "Kyiv", "Kyyiv"),
    ("UA", "Kharkiv"): ("Kharkov", "Kharkiv"),
    ("UA", "Odesa"): ("Odessa", "Odesa"),
    ("UA", "Dnipro"): ("Dnipropetrovsk", "Dnepr", "Dnepropetrovsk", "Dnipro"),
    ("UA", "Zaporizhzhia"): (
        "Zaporizhia",
        "Zaporozhye",
        "Zaporizhzhya",
        "Zaporozhe",
        "Zaporizhzhja",
        "Zaporozhia",
    ),
    ("UA", "Mykolaiv"): ("Nikolaev", "Nikolayev", "Mykolayiv", "Nikolaiev"),
    ("UA", "Kryvyi Rih"): ("Krivoy Rog", "Kryvyy Rih", "Kryvyi Rig", "Krivyi Rih", "Kryvy Rih"),
    ("UA", "Lviv"): ("Lvov", "Lwow", "Lemberg", "L'viv"),
    ("UA", "Chernihiv"): ("Chernigov",),
    ("UA", "Vinnytsia"): ("Vinnitsa", "Vinnytsya", "Vinnitsia"),
    ("UA", "Ternopil"): ("Ternopol",),
    ("UA", "Kostiantynivka"): ("Konstantinovka", "Kostyantynivka", "Kostiantynivka"),
    ("UA", "Bakhmut"): ("Artemovsk", "Artemivsk", "Artyomovsk"),
    ("UA", "Sievierodonetsk"): ("Severodonetsk", "Syeverodonetsk", "Siverskodonetsk"),
    ("UA", "Sloviansk"): ("Slavyansk", "Slovyansk"),
    ("UA", "Pokrovsk"): ("Krasnoarmeysk", "Krasnoarmiisk"),
    ("UA", "Myrnohrad"): ("Dimitrov",),
    ("UA", "Horlivka"): ("Gorlovka",),
    ("UA", "Makiivka"): ("Makeyevka", "Makeevka", "Makiyivka"),
    ("UA", "Luhansk"): ("Lugansk",),
    ("UA", "Berdiansk"): ("Berdyansk",),
    ("UA", "Enerhodar"): ("Energodar",),
    ("UA", "Kremenchuk"): ("Kremenchug",),
    ("UA", "Cherkasy"): ("Cherkassy",),
    ("UA", "Chernivtsi"): ("Chernovtsy", "Czernowitz"),
    ("UA", "Zhytomyr"): ("Zhitomir",),
    ("UA", "Rivne"): ("Rovno",),
    ("UA", "Uzhhorod"): ("Uzhgorod",),
    ("UA", "Ivano-Frankivsk"): ("Ivano-Frankovsk",),
    ("UA", "Khmelnytskyi"): ("Khmelnitsky", "Khmelnytsky", "Khmelnitskiy", "Khmelnytskyy"),
    ("UA", "Kropyvnytskyi"): ("Kirovohrad", "Kirovograd", "Kropyvnytskyy", "Kropyvnytsky"),
    ("UA", "Bila Tserkva"): ("Belaya Tserkov",),
    ("UA", "Boryspil"): ("Borispol",),
    ("UA", "Izium"): ("Izyum",),
    ("UA", "Kupiansk"): ("Kupyansk",),
    ("UA", "Vovchansk"): ("Volchansk",),
    ("UA", "Avdiivka"): ("Avdeyevka", "Avdeevka", "Avdiyivka"),
    ("UA", "Vuhledar"): ("Ugledar",),
    ("UA", "Huliaipole"): ("Gulyaypole", "Hulyaipole", "Guliaipole", "Hulyaypole"),
    ("UA", "Chasiv Yar"): ("Chasov Yar",),
    ("UA", "Kurakhove"): ("Kurakhovo",),
    ("UA", "Selydove"): ("Selidovo",),
    ("UA", "Orikhiv"): ("Orekhov",),
    ("UA", "Kreminna"): ("Kremennaya",),
    ("UA", "Lysychansk"): ("Lisichansk",),
    ("UA", "Rubizhne"): ("Rubezhnoye",),
    ("UA", "Lyman"): ("Krasny Liman",),
    ("UA", "Marhanets"): ("Marganets",),
    ("UA", "Pavlohrad"): ("Pavlograd",),
    ("UA", "Kamianske"): ("Kamenskoye", "Dniprodzerzhynsk", "Dneprodzerzhinsk"),
    ("UA", "Okhtyrka"): ("Akhtyrka",),
    ("UA", "Pryluky"): ("Priluki",),
    ("UA", "Nizhyn"): ("Nezhin",),
    ("UA", "Sevastopol"): ("Sebastopol",),
    ("UA", "Feodosia"): ("Feodosiya", "Theodosia"),
    ("UA", "Yevpatoria"): ("Eupatoria", "Yevpatoriya", "Evpatoria"),
    ("UA", "Dzhankoi"): ("Dzhankoy",),
    ("UA", "Bilhorod-Dnistrovskyi"): ("Belgorod-Dnestrovsky", "Bilhorod-Dnistrovsky"),
    ("UA", "Izmail"): ("Izmayil", "Ismail"),
    ("UA", "Chornomorsk"): ("Ilyichevsk", "Illichivsk"),
    ("UA", "Pivdenne"): ("Yuzhne", "Yuzhny"),
    ("UA", "Ochakiv"): ("Ochakov",),
    ("UA", "Vasylkiv"): ("Vasilkov",),
    ("UA", "Irpin"): ("Irpen",),
    ("UA", "Hostomel"): ("Gostomel",),
    ("UA", "Vyshhorod"): ("Vyshgorod",),
    ("UA", "Fastiv"): ("Fastov",),
    ("UA", "Starokostiantyniv"): ("Starokonstantinov", "Starokostyantyniv"),
    ("UA", "Myrhorod"): ("Mirgorod",),
    ("UA", "Lozova"): ("Lozovaya",),
    ("UA", "Balakliia"): ("Balakleya", "Balakliya", "Balakliia"),
    ("UA", "Chuhuiv"): ("Chuguyev", "Chuhuyiv"),
    ("UA", "Oleshky"): ("Aleshki", "Tsiurupynsk"),
    ("UA", "Henichesk"): ("Genichesk",),
    ("UA", "Polohy"): ("Pologi",),
    ("UA", "Yasynuvata"): ("Yasinovataya",),
    ("UA", "Debaltseve"): ("Debaltsevo",),
    ("UA", "Dobropillia"): ("Dobropolye",),
    ("UA", "Druzhkivka"): ("Druzhkovka",),
    ("UA", "Svatove"): ("Svatovo",),
    ("UA", "Starobilsk"): ("Starobelsk",),
    ("UA", "Antratsyt"): ("Antratsit",),
    ("UA", "Sorokyne"): ("Krasnodon",),
    ("UA", "Kadiivka"): ("Stakhanov",),
    ("UA", "Khrustalnyi"): ("Krasnyi Luch", "Krasny Luch"),
    ("UA", "Novohrodivka"): ("Novogrodovka",),
    ("UA", "Toretsk"): ("Dzerzhynsk",),
    ("UA", "Mariupol"): ("Mariupol",),
    ("UA", "Melitopol"): ("Melitopol",),
    ("UA", "Nova Kakhovka"): ("Novaya Kakhovka",),
    ("UA", "Kerch"): ("Kerch",),
    ("UA", "Zviahel"): ("Novohrad-Volynskyi", "Novograd-Volynsky"),
    ("UA", "Sheptytskyi"): ("Chervonohrad",),
    ("UA", "Berestyn"): ("Krasnohrad",),
    ("UA", "Samar"): ("Novomoskovsk",),
    ("UA", "Pokrov"): ("Ordzhonikidze",),
    ("UA", "Horishni Plavni"): ("Komsomolsk",),
    ("UA", "Zlatopil"): ("Pervomaiskyi",),
    ("UA", "Shostka"): ("Shostka",),
    ("UA", "Hlukhiv"): ("Glukhov",),
    ("UA", "Snihurivka"): ("Snigirevka",),
    ("UA", "Beryslav"): ("Berislav",),
    ("UA", "Kakhovka"): ("Kakhovka",),
    ("UA", "Tokmak"): ("Tokmak",),
    ("UA", "Vasylivka"): ("Vasilyevka",),
    ("UA", "Kupiansk-Vuzlovyi"): ("Kupyansk-Vuzlovyi",),
    ("UA", "Siversk"): ("Seversk",),
    ("UA", "Soledar"): ("Soledar",),
    ("UA", "Volnovakha"): ("Volnovakha",),
    ("UA", "Marinka"): ("Maryinka", "Marinka"),
    ("RU", "Rostov-on-Don"): ("Rostov", "Rostov-na-Donu", "Rostov-on-Don"),
    ("RU", "Novorossiysk"): ("Novorossiisk",),
    # the refinery town of Krasnodar Krai; "Slavyansk" alone is also Sloviansk, chosen by context
    ("RU", "Slavyansk-na-Kubani"): ("Slavyansk-on-Kuban", "Slavyansk", "Slavyansk-na-Kubani"),
    ("RU", "Oryol"): ("Orel", "Oryol"),
    ("RU", "Nizhny Novgorod"): ("Nizhniy Novgorod", "Nizhni Novgorod"),
    ("RU", "Saint Petersburg"): (
        "St Petersburg",
        "St. Petersburg",
        "Petersburg",
        "Leningrad",
        "Saint-Petersburg",
    ),
    ("RU", "Moscow"): ("Moskva",),
    ("RU", "Volgograd"): ("Stalingrad",),
    ("RU", "Yeysk"): ("Yeisk", "Eysk"),
    ("RU", "Tolyatti"): ("Togliatti",),
    ("RU", "Naberezhnyye Chelny"): ("Naberezhnye Chelny",),
    ("RU", "Engels"): ("Engels",),
    ("RU", "Stary Oskol"): ("Staryy Oskol", "Stary Oskol"),
    ("RU", "Veliky Novgorod"): ("Novgorod",),
    ("RU", "Ryazan"): ("Ryazan",),
    ("RU", "Tuapse"): ("Tuapse",),
    ("RU", "Taganrog"): ("Taganrog",),
    ("RU", "Yelets"): ("Elets",),
    ("BY", "Gomel"): ("Homel", "Homiel"),
    ("BY", "Grodno"): ("Hrodna",),
    ("BY", "Mogilev"): ("Mahilyow", "Mogilyov", "Mahiliou"),
    ("BY", "Minsk"): ("Minsk",),
    ("MD", "Chisinau"): ("Kishinev",),
    ("MD", "Tiraspol"): ("Tiraspol",),
    ("PL", "Warsaw"): ("Warszawa",),
    ("PL", "Rzeszów"): ("Rzeszow",),
    ("RO", "Bucharest"): ("Bucuresti",),
}

# Forms that must stay with a place even though the common-word filter would drop them
# (small places whose name is also an English word but which the war news mentions).
KEEP_FORMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("UA", "Chop"): ("Chop",),
    ("UA", "Brody"): ("Brody",),
    ("RU", "Adlersky"): ("Adler",),
}

# GeoNames "cities" that are neighbourhoods of a nearby city but carry no district
# alternate and are too close in size to it for the automatic rule.
NEIGHBOURHOOD_PARENT: dict[tuple[str, str], str] = {
    ("UA", "Pravyi Bereh"): "Mariupol",
    ("UA", "Rayon KTZ"): "Kharkiv",
}


def _old(*stems: str) -> tuple[str, ...]:
    """A district's former (Soviet) name as reports still write it: "Kirovsky district" …"""
    return tuple(
        f"{stem}{end}{suffix}"
        for stem in stems
        for end in ("y", "iy", "yi")
        for suffix in (" district", " District", " raion", " rayon")
    )


# --------------------------------------------------------------------------- city districts
# Current administrative districts (raions) of the big Ukrainian cities, after the
# 2016 decommunisation renamings.  ``(canonical, extra_forms)``; the build generates
# the usual transliteration variants (-skyi/-sky/-skiy/-skyy, ia/ya) and the
# "X district|X District|X raion|X Raion|X rayon|X quarter" forms.  Extra forms are
# kept as they are.  When GeoNames has the district (matched by a shared form within
# 25 km of the city) the GeoNames record is used and the hand forms are merged into it.
CITY_DISTRICTS: dict[tuple[str, str], tuple[tuple[str, tuple[str, ...]], ...]] = {
    ("UA", "Kyiv"): (
        ("Holosiivskyi", ("Holosiiv district", "Holosiyivskyi", "Holosiyiv")),
        ("Darnytskyi", ("Darnytsia district", "Darnytsia District", "Darnytsya District")),
        ("Desnianskyi", ("Desnyanskyi",)),
        ("Dniprovskyi", ()),
        ("Obolonskyi", ("Obolon district", "Obolon District")),
        ("Pecherskyi", ("Pechersk district", "Pechersk District", "Pecherskyy")),
        ("Podilskyi", ("Podil district", "Podil District")),
        ("Shevchenkivskyi", ()),
        ("Solomianskyi", ("Solomianka district", "Solomyanka district")),
        ("Sviatoshynskyi", ("Sviatoshyn district", "Svyatoshyn district")),
    ),
    ("UA", "Kharkiv"): (
        ("Shevchenkivskyi", ()),
        ("Kyivskyi", ()),
        ("Saltivskyi", ()),
        ("Nemyshlianskyi", ()),
        ("Industrialnyi", ()),
        ("Slobidskyi", ()),
        ("Osnovianskyi", ()),
        ("Kholodnohirskyi", ()),
        ("Novobavarskyi", ()),
    ),
    ("UA", "Odesa"): (
        ("Kyivskyi", ()),
        ("Malynovskyi", ()),
        ("Peresypskyi", ()),
        ("Prymorskyi", ()),
    ),
    ("UA", "Dnipro"): (
        ("Amur-Nyzhniodniprovskyi", ("Amur-Nyzhnodniprovskyi",)),
        ("Shevchenkivskyi", ()),
        ("Sobornyi", ()),
        ("Industrialnyi", ()),
        ("Tsentralnyi", ()),
        ("Chechelivskyi", ()),
        ("Novokodatskyi", ()),
        ("Samarskyi", ()),
    ),
    ("UA", "Zaporizhzhia"): (
        ("Voznesenivskyi", ()),
        ("Dniprovskyi", ()),
        ("Zavodskyi", ()),
        ("Komunarskyi", ()),
        ("Oleksandrivskyi", ()),
        ("Khortytskyi", ()),
        ("Shevchenkivskyi", ()),
    ),
    ("UA", "Lviv"): (
        ("Halytskyi", ()),
        ("Zaliznychnyi", ()),
        ("Lychakivskyi", ()),
        ("Sykhivskyi", ()),
        ("Frankivskyi", ()),
        ("Shevchenkivskyi", ()),
    ),
    ("UA", "Kryvyi Rih"): (
        ("Dovhyntsivskyi", ()),
        ("Inhuletskyi", ()),
        ("Metalurhiinyi", ()),
        ("Pokrovskyi", ()),
        ("Saksahanskyi", ()),
        ("Tsentralno-Miskyi", ()),
        ("Ternivskyi", ()),
    ),
    ("UA", "Mykolaiv"): (
        ("Zavodskyi", ()),
        ("Inhulskyi", ()),
        ("Tsentralnyi", ()),
        ("Korabelnyi", ()),
    ),
    ("UA", "Kherson"): (
        ("Dniprovskyi", ()),
        ("Korabelnyi", ()),
        ("Tsentralnyi", ()),
    ),
    # occupied since 2014: the districts as renamed in 2016, with the Soviet names that reports
    # from the Russian-installed authorities still use ("the Kirovsky district", "Kuibyshevsky")
    ("UA", "Donetsk"): (
        ("Budonnivskyi", _old("Budyonnovsk")),
        ("Yuzivskyi", _old("Voroshilovsk", "Voroshylovsk")),
        ("Kalynivskyi", _old("Kalininsk")),
        ("Kyivskyi", _old("Kievsk")),
        ("Rutchenkivskyi", _old("Kirovsk")),
        ("Smolianskyi", _old("Kuibyshevsk", "Kuybyshevsk")),
        ("Oleksandrivskyi", _old("Leninsk")),
        ("Voznesenskyi", _old("Petrovsk")),
        ("Proletarskyi", ()),
    ),
    ("UA", "Luhansk"): (
        ("Vilkhivskyi", _old("Artyomovsk", "Artemovsk", "Artemivsk")),
        ("Verhunskyi", (*_old("Oktyabrsk"), "Zhovtnevyi district", "Zhovtnevyi District")),
        ("Kamianobridskyi", _old("Kamennobrodsk")),
        ("Shevchenkivskyi", _old("Leninsk")),
    ),
}

# Big federal / capital cities whose GeoNames sub-places within ``radius_km`` are city
# districts or neighbourhoods, not separate towns: (country, admin1 code, city name, km).
CITY_ADMIN1_DISTRICTS: tuple[tuple[str, str, str, float], ...] = (
    ("UA", "12", "Kyiv", 40.0),
    ("RU", "48", "Moscow", 20.0),
    ("RU", "66", "Saint Petersburg", 15.0),
    ("BY", "04", "Minsk", 20.0),
)

# --------------------------------------------------------------------------- macro-regions
# id slug -> (name, country, direction forms, member admin1 ISO codes, extra forms)
# Direction forms are expanded by the build into "eastern Ukraine|Eastern Ukraine|east
# Ukraine|Ukraine's east|the east of Ukraine|..." (see ``region_forms``).
REGIONS: dict[str, tuple[str, str, tuple[tuple[str, str], ...], tuple[str, ...], tuple[str, ...]]] = {
    "eastern-ukraine": (
        "eastern Ukraine",
        "UA",
        (("eastern", "east"),),
        ("UA-14", "UA-09", "UA-63", "UA-12"),
        (),
    ),
    "western-ukraine": (
        "western Ukraine",
        "UA",
        (("western", "west"),),
        ("UA-46", "UA-07", "UA-56", "UA-61", "UA-26", "UA-21", "UA-77", "UA-68"),
        (),
    ),
    "southern-ukraine": (
        "southern Ukraine",
        "UA",
        (("southern", "south"),),
        ("UA-51", "UA-48", "UA-65", "UA-23", "UA-43", "UA-40"),
        (),
    ),
    "northern-ukraine": (
        "northern Ukraine",
        "UA",
        (("northern", "north"),),
        ("UA-32", "UA-30", "UA-74", "UA-59", "UA-18"),
        (),
    ),
    "central-ukraine": (
        "central Ukraine",
        "UA",
        (("central", "centre"), ("central", "center")),
        ("UA-71", "UA-35", "UA-53", "UA-05", "UA-12", "UA-32"),
        (),
    ),
    "north-eastern-ukraine": (
        "north-eastern Ukraine",
        "UA",
        (("north-eastern", "north-east"), ("northeastern", "northeast")),
        ("UA-59", "UA-63", "UA-74"),
        (),
    ),
    "south-eastern-ukraine": (
        "south-eastern Ukraine",
        "UA",
        (("south-eastern", "south-east"), ("southeastern", "southeast")),
        ("UA-23", "UA-14", "UA-12"),
        (),
    ),
    "north-western-ukraine": (
        "north-western Ukraine",
        "UA",
        (("north-western", "north-west"), ("northwestern", "northwest")),
        ("UA-07", "UA-56", "UA-18"),
        (),
    ),
    "south-western-ukraine": (
        "south-western Ukraine",
        "UA",
        (("south-western", "south-west"), ("southwestern", "southwest")),
        ("UA-51", "UA-77", "UA-05"),
        (),
    ),
    "donbas": (
        "Donbas",
        "UA",
        (),
        ("UA-14", "UA-09"),
        ("Donbas", "Donbass", "the Donbas", "the Donbass", "Donbas region", "Donets Basin"),
    ),
    "southern-russia": (
        "southern Russia",
        "RU",
        (("southern", "south"),),
        ("RU-ROS", "RU-KDA", "RU-VGG", "RU-AST", "RU-AD", "RU-KL"),
        (),
    ),
    "western-russia": (
        "western Russia",
        "RU",
        (("western", "west"),),
        ("RU-BEL", "RU-KRS", "RU-BRY", "RU-SMO", "RU-ORL", "RU-KLU", "RU-VOR", "RU-PSK", "RU-KGD"),
        (),
    ),
    "central-russia": (
        "central Russia",
        "RU",
        (("central", "centre"), ("central", "center")),
        (
            "RU-BEL",
            "RU-BRY",
            "RU-VLA",
            "RU-VOR",
            "RU-IVA",
            "RU-KLU",
            "RU-KOS",
            "RU-KRS",
            "RU-LIP",
            "RU-MOS",
            "RU-MOW",
            "RU-ORL",
            "RU-RYA",
            "RU-SMO",
            "RU-TAM",
            "RU-TVE",
            "RU-TUL",
            "RU-YAR",
        ),
        (),
    ),
    "north-caucasus": (
        "North Caucasus",
        "RU",
        (),
        ("RU-CE", "RU-DA", "RU-IN", "RU-KB", "RU-KC", "RU-SE", "RU-STA"),
        ("North Caucasus", "Northern Caucasus", "Russia's North Caucasus"),
    ),
    "siberia": (
        "Siberia",
        "RU",
        (),
        ("RU-AL", "RU-ALT", "RU-IRK", "RU-KEM", "RU-KYA", "RU-NVS", "RU-OMS", "RU-TOM", "RU-TY", "RU-KK"),
        ("Siberia", "western Siberia", "Western Siberia", "eastern Siberia", "Eastern Siberia"),
    ),
}

# --------------------------------------------------------------------------- sea areas
# Ships and tankers are struck at sea: id slug -> (name, lat, lon, forms). No country: the
# waters are shared, and "off the Turkish coast" is no attack in Turkey. Approximate centres.
SEAS: dict[str, tuple[str, float, float, tuple[str, ...]]] = {
    "black-sea": ("Black Sea", 43.4, 34.0, ("Black Sea",)),
    "sea-of-azov": ("Sea of Azov", 46.1, 36.6, ("Sea of Azov", "Azov Sea")),
    "kerch-strait": ("Kerch Strait", 45.3, 36.5, ("Kerch Strait", "Strait of Kerch")),
    "caspian-sea": ("Caspian Sea", 42.0, 50.5, ("Caspian Sea",)),
    "baltic-sea": ("Baltic Sea", 58.0, 20.0, ("Baltic Sea",)),
    "mediterranean-sea": ("Mediterranean Sea", 35.0, 18.0, ("Mediterranean Sea", "Mediterranean")),
}

# Approximate geographic centroids (decimal degrees) of the countries kept as places.
COUNTRY_CENTROIDS: dict[str, tuple[float, float]] = {
    "UA": (48.37943, 31.16558),
    "RU": (61.52401, 105.31876),
    "BY": (53.70981, 27.95339),
    "MD": (47.41163, 28.36989),
    "PL": (51.91944, 19.14514),
    "RO": (45.94316, 24.96676),
    "GE": (42.31541, 43.35689),
    "LT": (55.16944, 23.88128),
    "LV": (56.87964, 24.60319),
    "EE": (58.59527, 25.01361),
    "FI": (61.92411, 25.74815),
    "SK": (48.66903, 19.69902),
    "HU": (47.16249, 19.50330),
}

# --------------------------------------------------------------------------- named sites
# Air bases, bridges, bays, capes, spits and islands that news names as the place struck but
# GeoNames does not list as a populated place (or lists only as an alternate of a nearby
# village: "Belbek" for Fruktove). id slug -> (name, country, ISO 3166-2 of the admin1, lat,
# lon, forms). A site behaves as a settlement (kind city) and claims its forms from every
# other place; its precision is "point". Bare names are listed only where they are not
# common settlement names ("Belaya" and "Marinovka" need the facility word). Sites next to a
# town of the same name (Engels, Morozovsk, Saky, Millerovo …) need no row: the town is the
# place. Approximate coordinates. A built site within a few km of a town lies within it (the
# build finds the town); the natural features of NATURAL_SITES stand apart from any town (the
# Kinburn Spit faces Ochakiv across the water).
_BASE_WORDS = ("air base", "airbase", "airfield", "Air Base", "air bases", "airbases", "airfields")


def _base(name: str, bare: bool = True, *more: str) -> tuple[str, ...]:
    return ((name,) if bare else ()) + tuple(f"{name} {w}" for w in _BASE_WORDS) + more


SITES: dict[str, tuple[str, str, str, float, float, tuple[str, ...]]] = {
    "olenya": ("Olenya", "RU", "RU-MUR", 68.152, 33.464, _base("Olenya")),
    "belaya": ("Belaya", "RU", "RU-IRK", 52.915, 103.575, _base("Belaya")),
    "dyagilevo": ("Dyagilevo", "RU", "RU-RYA", 54.644, 39.570, _base("Dyagilevo", True, "Diagilevo")),
    "shaykovka": ("Shaykovka", "RU", "RU-KLU", 54.226, 34.372, _base("Shaykovka", True, "Shaikovka")),
    "khalino": ("Khalino", "RU", "RU-KRS", 51.751, 36.296, _base("Khalino")),
    "marinovka": ("Marinovka", "RU", "RU-VGG", 48.637, 43.789, _base("Marinovka", False)),
    "belbek": ("Belbek", "UA", "UA-40", 44.688, 33.571, _base("Belbek")),
    "kulbakino": ("Kulbakino", "UA", "UA-48", 46.936, 32.100, _base("Kulbakino")),
    "crimean-bridge": (
        "Crimean Bridge",
        "UA",
        "UA-43",
        45.306,
        36.505,
        (
            "Crimean Bridge",
            "Crimean bridge",
            "Crimea Bridge",
            "Crimea bridge",
            "Kerch Bridge",
            "Kerch bridge",
            "Kerch Strait Bridge",
            "Kerch Strait bridge",
        ),
    ),
    "donuzlav-bay": (
        "Donuzlav Bay",
        "UA",
        "UA-43",
        45.380,
        33.080,
        ("Donuzlav Bay", "Donuzlav", "Lake Donuzlav"),
    ),
    "cape-tarkhankut": ("Cape Tarkhankut", "UA", "UA-43", 45.347, 32.497, ("Cape Tarkhankut",)),
    "snake-island": (
        "Snake Island",
        "UA",
        "UA-51",
        45.255,
        30.204,
        ("Snake Island", "Zmiinyi Island", "Zmiinyi", "Zmiiny Island", "Zmeinyi Island"),
    ),
    "kinburn-spit": (
        "Kinburn Spit",
        "UA",
        "UA-48",
        46.540,
        31.550,
        ("Kinburn Spit", "Kinburn spit", "Kinburn Peninsula"),
    ),
    "tendra-spit": ("Tendra Spit", "UA", "UA-65", 46.270, 31.680, ("Tendra Spit", "Tendra spit")),
    "port-kavkaz": ("Port Kavkaz", "RU", "RU-KDA", 45.335, 36.670, ("Port Kavkaz", "Kavkaz port")),
}
NATURAL_SITES = frozenset({"donuzlav-bay", "cape-tarkhankut", "snake-island", "kinburn-spit", "tendra-spit"})
