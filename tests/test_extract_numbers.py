"""Number phrases and what they count: the contract's COUNT rules, one phrasing per case."""

from __future__ import annotations

import pytest

from peacewatch.extract.counts import classify
from peacewatch.extract.numbers import find_numbers, word_to_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("four", 4),
        ("forty", 40),
        ("forty-five", 45),
        ("twenty three", 23),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("1,200", 1200),
        ("two hundred and ten", 210),
        ("a thousand", 1000),
        ("1.5 thousand", 1500),
        ("3.5", None),
    ],
)
def test_word_to_int(text: str, expected: int | None) -> None:
    assert word_to_int(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier"),
    [
        ("at least seven", 7, 7, None, "at_least"),
        ("more than 20", 20, 20, None, "at_least"),
        ("over 120", 120, 120, None, "at_least"),
        ("15+", 15, 15, None, "at_least"),
        ("≥47", 47, 47, None, "at_least"),
        ("no fewer than 9", 9, 9, None, "at_least"),
        ("up to 30", 30, None, 30, "at_most"),
        ("approximately 350 to 500", None, 350, 500, "range"),
        ("between 12 and 600", None, 12, 600, "range"),
        ("from 10 to 15", None, 10, 15, "range"),
        ("around 65", 65, None, None, "approx"),
        ("about 170", 170, None, None, "approx"),
        ("roughly 40", 40, None, None, "approx"),
        ("several", None, None, None, "unspecified"),
        ("dozens", None, None, None, "unspecified"),
        ("scores", None, None, None, "unspecified"),
        ("48", 48, 48, 48, "exact"),
    ],
)
def test_qualifiers(text: str, value, low, high, qualifier) -> None:
    (n,) = find_numbers(text)
    c = n.count
    assert (c.value, c.low, c.high, c.qualifier) == (value, low, high, qualifier)


def _k(text: str):
    f = classify(text)
    return f.killed, f.injured


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Russian missiles slammed into Kyiv overnight, killing at least seven and wounding 20", 7, 20),
        ("four dead, 17 wounded", 4, 17),
        ("Massive Russian strike kills four", 4, None),
        ("Ukrainian drones struck the region, claiming three lives", 3, None),
        ("The death toll has risen to 26, officials said.", 26, None),
        ("Two people were killed and nine were hospitalised.", 2, 9),
        ("Rescuers recovered 12 bodies from the rubble.", 12, None),
        ("One woman, aged 58, was wounded.", None, 1),
        ("the strike claimed the lives of five people and left 14 others injured", 5, 14),
        ("Roughly 40 people were treated for injuries", None, 40),
        (
            "The death toll from Friday's shelling of Rylsk in the Kursk region by the Ukrainian Armed Forces has risen to six.",
            6,
            None,
        ),
        ("In Prymorske, a Russian drone hit a car, killing the driver, the governor said.", 1, None),
        ("Three people were killed. The strike also hit the bus station, killing the driver.", 3, None),
        ("More than 100 people sought hospital treatment.", None, 100),
        ("Two employees were treated for minor burns, he said.", None, 2),
        ("The driver died of his injuries. His passenger, a woman, was wounded and taken to hospital.", 1, 1),
        ("The governor said the toll had risen from 23 to 25 as two of the wounded died.", 25, None),
        ("Unfortunately, a woman has died.", 1, None),
        ("One worker received a shrapnel wound to the arm and was taken to hospital.", None, 1),
        ("Two crew members received minor injuries.", None, 2),
        ("Two men aged 49 and 63 were wounded and shops were damaged.", None, None),  # never 63
        (
            "The monitors recorded 286 civilian deaths and 1,388 civilian injuries during July 2025.",
            None,
            None,
        ),
        ("December alone accounted for 163 deaths and 848 injuries.", None, None),
        ("Officials say 160 civilians were killed in the border regions during the year.", None, None),
    ],
)
def test_casualties(text: str, killed: int | None, injured: int | None) -> None:
    k, i = _k(text)
    assert (k.best if k else None) == killed
    assert (i.best if i else None) == injured


def test_several_killed_is_unspecified_not_a_number() -> None:
    k, i = _k(
        "In eastern Ukraine, several people were killed and others injured in a cluster munition attack."
    )
    assert k is not None and k.qualifier == "unspecified" and not k.has_number
    assert i is not None and not i.has_number


def test_children_are_a_subcount_not_added() -> None:
    k, _ = _k("seven people, including two children, were killed")
    assert k is not None and k.value == 7 and k.children == 2


@pytest.mark.parametrize(
    "text",
    [
        "a war that has already devoured over 500,000 lives",
        "caps on Kyiv's military at 100,000 troops",
        "90-year-old Liubov sifted through the ruins",
        "the 19-point plan and the 28-point draft",
        "eleven Tu-95 bombers took off from Olenya",
        "a city of roughly 220,000 people about 130 kilometres east of Lviv",
        "300 people were evacuated and 40,000 homes were left without power",
        "about 100 rescuers worked at the site",
        "at least 14,534 civilians had been killed since the full-scale invasion in February 2022",
        "each capable of carrying up to eight Kh-101 cruise missiles",
        "[4] Reuters reported the figures",
        "In 2024 the air force recorded the strike",
        "Russia had launched about 70 missiles and more than 2,200 drones at Ukraine during the same period",
    ],
)
def test_not_counts(text: str) -> None:
    f = classify(text)
    assert f.killed is None and f.injured is None
    assert all(lc is None and ic is None for _, _, lc, ic in f.weapons)


def _weapons(text: str) -> dict[tuple[str, str | None], tuple]:
    return {
        (k, m): (lc.best if lc else None, ic.best if ic else None) for k, m, lc, ic in classify(text).weapons
    }


def test_air_force_summary_gives_one_entry_per_model() -> None:
    w = _weapons(
        "Russia launched 63 Shahed drones (55 were shot down), 12 Iskander-M ballistic missiles and 4 Kh-59"
    )
    assert w[("drone", "Shahed")] == (63, 55)
    assert w[("missile", "Iskander-M")] == (12, None)
    assert w[("missile", "Kh-59")] == (4, None)


@pytest.mark.parametrize(
    ("text", "kind", "launched", "intercepted"),
    [
        ("Russia's barrage of 48 missiles and 470 drones pummeled Kyiv", "drone", 470, None),
        ("Air defences shot down 438 of the 464 drones.", "drone", 464, 438),
        ("Russia launched 464 drones, 438 of which were shot down", "drone", 464, 438),
        ("Of the 48 missiles, 40 were shot down.", "missile", 48, 40),
        ("Air defences downed 34 missiles and 100 drones.", "drone", None, 100),
        ('The ministry claims 41 Ukrainian drones were "intercepted and destroyed" overnight.', "drone", None, 41),
        ("The air force said Russia had fired 38 missiles of various types, and that its units had shot down 30.",
         "missile", 38, 30),
        ("Air defence systems intercepted ten Tochka-U missiles and two Vilkha rockets.", "rocket", None, 2),
        ("In total, Russia fired 127 missiles and 109 drones, of which 102 missiles and 99 drones were shot down",
         "missile", 127, 102),
        ("Of the 120 missiles and 90 drones, 104 missiles and 42 drones were shot down.", "drone", 90, 42),
        ("Of the 120 missiles and 90 drones, 104 missiles and 42 drones were shot down.", "missile", 120, 104),
        ("Russia used 309 drones and eight missiles, with 288 drones and three missiles destroyed.", "drone", 309, 288),
        ("The Air Force counted 70 missiles and 145 drones fired; air defences stopped 48 missiles and 64 drones.",
         "drone", 145, 64),
    ],
)  # fmt: skip
def test_launched_and_intercepted(text: str, kind: str, launched, intercepted) -> None:
    w = {k: v for (k, _), v in _weapons(text).items()}
    assert w[kind] == (launched, intercepted)


@pytest.mark.parametrize(
    "text",
    [
        "Russia unleashed more than 200 missiles and drones at Ukraine on Monday.",
        "Russia fired 120 drones and missiles at Kyiv overnight.",
    ],
)
def test_one_figure_for_two_kinds_counts_neither(text: str) -> None:
    assert all(launched is None for launched, _ in _weapons(text).values())


def test_range_of_drones_keeps_its_bounds() -> None:
    f = classify("Russia fired approximately 350 to 500 drones as well as around 65 missiles at Ukraine.")
    got = {k: lc for k, _, lc, _ in f.weapons}
    assert (got["drone"].low, got["drone"].high, got["drone"].qualifier) == (350, 500, "range")
    assert (got["missile"].value, got["missile"].qualifier) == (65, "approx")


def test_a_toll_risen_from_one_figure_to_another_is_the_second_and_an_update() -> None:
    facts = classify("The governor said the toll had risen from 23 to 25.")
    assert facts.killed is not None and (facts.killed.value, facts.killed.qualifier) == (25, "exact")
    assert facts.killed_update


def test_of_the_n_launched_counts_the_weapon_named_before() -> None:
    facts = classify(
        "Of the four launched at the city, two were brought down by air defences.", ("missile", "Kalibr")
    )
    ((kind, model, launched, intercepted),) = facts.weapons
    assert (kind, model, launched.value, intercepted.value) == ("missile", "Kalibr", 4, 2)  # type: ignore[union-attr]


def test_what_raids_are_usually_like_counts_nothing() -> None:
    f = classify("In practice, large raids have rarely involved more than about 40 Kh-101s.")
    assert f.weapons == ()


@pytest.mark.parametrize(
    ("text", "launched", "intercepted"),
    [
        ("Of the six drones that flew towards the city, air defence destroyed four, the mayor said.", 6, 4),
        (
            "The air force said it shot down all nine Shahed drones that Russia launched against the region.",
            9,
            9,
        ),
    ],
)
def test_intercepts_told_after_the_launch_figure(text: str, launched: int, intercepted: int) -> None:
    ((_kind, _model, lc, ic),) = classify(text).weapons
    assert (lc.value, ic.value) == (launched, intercepted)


def test_debris_from_one_drone_is_no_launch() -> None:
    assert classify("Debris from one drone fell in a field in the Bashtanka district.").weapons == ()


def test_one_of_the_drones_is_a_part_not_a_launch() -> None:
    assert classify("One of the drones struck a dormitory near the town of Yelabuga.").weapons == ()
    ((_k, _m, lc, ic),) = classify("Air defences shot down 546 of the drones.").weapons
    assert lc is None and ic.value == 546


def test_a_comparison_since_the_invasion_is_no_period_total() -> None:
    f = classify(
        "Russian missiles slammed into Odesa on Saturday, killing eight people and wounding 18, officials "
        "said, as top U.S. officials made their first visit to Kyiv since the invasion."
    )
    assert (f.killed.value, f.injured.value) == (8, 18)
    assert classify("Russian strikes have killed 12,000 civilians since the invasion.").killed is None


def test_treated_in_hospital_for_injuries_counts_the_injured() -> None:
    f = classify(
        "Eleven people were pulled out alive, and eight people were treated in hospital for injuries."
    )
    assert f.injured is not None and f.injured.value == 8


def test_a_list_line_of_a_class_and_a_count_since_january() -> None:
    ((kind, _model, lc, ic),) = classify("Cruise missiles - 70, destroyed - 51").weapons
    assert (kind, lc.value, ic.value) == ("missile", 70, 51)
    assert (
        classify("Counting from January, over 9,000 drones have been launched at Ukrainian cities.").weapons
        == ()
    )


def test_weapons_shot_down_along_with_others_are_intercepted_too() -> None:
    w = _weapons(
        "The ministry said 146 drones had been downed overnight, along with six ATACMS and four Storm Shadow missiles."
    )
    assert w[("drone", None)] == (None, 146)
    assert w[("missile", "ATACMS")] == (None, 6) and w[("missile", "Storm Shadow")] == (None, 4)
    assert _weapons("Russia launched 40 missiles along with 50 drones.") == {
        ("missile", None): (40, None),
        ("drone", None): (50, None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Netherlands had also promised to fund the purchase of 800,000 artillery shells.",
        "Berlin pledged 20 Patriot missiles to Kyiv.",
        "The package of 50 drones arrives next month.",
    ],
)
def test_shells_bought_or_pledged_are_not_fired(text: str) -> None:
    assert all(launched is None for _k, _m, launched, _i in classify(text).weapons)


def test_a_monitor_verifying_one_incident_gives_its_toll() -> None:
    f = classify("The mission verified that one woman was killed and 18 civilians were injured.")
    assert (f.killed.value, f.injured.value) == (1, 18)
    assert classify("The mission has verified 164 civilians killed in October.").killed is None


def test_killing_all_three_occupants_is_three_killed() -> None:
    assert classify("A drone struck a car, killing all three occupants.").killed.value == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said it had downed a total of 45 Ukrainian drones overnight.", [("drone", None, 45)]),
        (
            "The air force said six of eight Shahed drones launched at the region were destroyed.",
            [("drone", 8, 6)],
        ),
        (
            "Russia had launched 315 drones and seven missiles, and 277 drones and two of the missiles had been "
            "shot down.",
            [("drone", 315, 277), ("missile", 7, 2)],
        ),
    ],
)
def test_interceptions_told_in_words_totals_and_pairs(
    text: str, expected: list[tuple[str, int | None, int]]
) -> None:
    got = [(k, lc.value if lc else None, ic.value) for k, _m, lc, ic in classify(text).weapons]
    assert got == expected


def test_bringing_the_number_of_injured_to_a_figure_is_an_updated_total() -> None:
    f = classify("Two more residents were treated for cuts, bringing the number of injured to four.")
    assert f.injured is not None and f.injured.value == 4 and f.injured_update


def test_a_years_bombs_are_no_launch_count() -> None:
    assert all(
        lc is None
        for _k, _m, lc, _i in classify(
            "In 2024 alone, Russia used more than 40,000 guided aerial bombs."
        ).weapons
    )


def test_all_eight_drones_after_the_missiles_are_intercepted_too() -> None:
    ((_k1, _m1, _l1, i1), (_k2, _m2, l2, i2)) = classify(
        "Air defenses destroyed 18 missiles and all eight drones."
    ).weapons
    assert (i1.value, l2.value, i2.value) == (18, 8, 8)


def test_suffering_burns_is_an_injury() -> None:
    assert classify("One employee, aged 34, suffered burns and was taken to hospital.").injured.value == 1


def test_n_missiles_all_shot_down_were_all_launched() -> None:
    ((_k, _m, lc, ic),) = classify("• 4 Kalibr cruise missiles, all shot down").weapons
    assert (lc.value, ic.value) == (4, 4)


def test_one_drone_slamming_into_a_building_is_an_impact_not_a_launch() -> None:
    assert classify("One drone slammed into the eighth floor of a nine-storey building.").weapons == ()
    ((_k, _m, lc, _i), _) = classify("Russia launched one missile and 20 drones.").weapons
    assert lc.value == 1


def test_the_number_injured_in_a_long_described_strike_has_risen_to() -> None:
    f = classify(
        "The number of people injured in a Russian drone strike on a high-rise building in the central city of "
        "Dnipro on Monday has risen to 14, the governor said."
    )
    assert f.injured is not None and f.injured.value == 14 and f.injured_update


def test_the_remaining_drones_and_missiles_that_got_through_are_no_launch() -> None:
    text = "The remaining 16 drones, and the two ballistic missiles that got through, reached their targets."
    assert classify(text).weapons == ()


@pytest.mark.parametrize(
    "text",
    [
        "That leaves 21 drones and five missiles unaccounted for, the air force said.",
        "Air defence downed 40 of them, leaving 12 drones that reached the city.",
    ],
)
def test_a_difference_worked_out_is_no_launch(text: str) -> None:
    assert classify(text).weapons == ()


def test_a_bulletins_list_then_a_bare_participle_is_intercepted() -> None:
    f = classify("Air defence: 200 drones and 8 missiles shot down, with more lost to electronic warfare.")
    assert {k: (lc, ic.value if ic else None) for k, _mo, lc, ic in f.weapons} == {
        "drone": (None, 200),
        "missile": (None, 8),
    }


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("75 — Shahed-type drones Russia launched at Ukraine overnight, the Air Force said.", "launched", 75),
        ("5 — people injured in Kyiv, among them a child, the city administration reported.", "injured", 5),
    ],
)
def test_a_by_the_numbers_line_reads_its_figure_with_the_words_after_the_dash(
    line: str, kind: str, value: int
) -> None:
    f = classify(line)
    got = f.injured if kind == "injured" else f.weapons[0][2]
    assert got is not None and got.value == value


def test_a_figure_dash_line_about_something_else_is_no_count() -> None:
    f = classify("77 — residential buildings left without electricity after debris damaged power lines.")
    assert f.killed is None and f.injured is None and not any(lc or ic for _k, _m, lc, ic in f.weapons)


def test_alternatives_answer_as_the_grouped_pattern_would() -> None:
    """The fast search must find the spans, and name the alternatives, that one named group per
    alternative finds: the first alternative that matches wins, and the boundary before a match
    looks at the text before it."""
    import re

    from peacewatch.extract.lexicon import Alternatives

    alts = [r"shahed-136", r"shaheds?", r"drones?", r"kh-101s?", r"missiles?"]
    fast = Alternatives(alts, before=r"(?<![\w-])", after=r"(?![\w-])")
    grouped = re.compile(
        r"(?<![\w-])(?:" + "|".join(f"(?P<a{i}>{a})" for i, a in enumerate(alts)) + r")(?![\w-])"
    )
    low = "shahed-136s and shaheds, 12 drones; anti-drone guns; x-missiles and kh-101 missiles, shahed"
    expected = [(m.start(), m.end(), int(m.lastgroup[1:])) for m in grouped.finditer(low)]  # type: ignore[index]
    assert list(fast.finditer(low)) == expected
    assert [low[s:e] for s, e, _ in fast.finditer(low)] == [
        "shaheds",
        "drones",
        "kh-101",
        "missiles",
        "shahed",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "earlier in the week" says when, not over how long
        "Earlier in the week, the ministry said Ukraine had fired six ATACMS missiles at a facility in the region.",
        # "the first such attack since" compares; it sums nothing
        "The ministry said Ukraine had fired six ATACMS missiles at a facility, the first such attack since the "
        "United States allowed it.",
    ],
)
def test_a_time_locator_or_a_first_since_is_no_period_total(text: str) -> None:
    assert [(w[1], w[2].value if w[2] else None) for w in classify(text, None, "").weapons] == [("ATACMS", 6)]


def test_a_pair_of_is_two() -> None:
    from peacewatch.extract.numbers import word_to_int

    assert word_to_int("a pair") == 2


def test_the_types_among_a_figure_shot_down_were_shot_down_too() -> None:
    assert _weapons(
        "Air defence destroyed 70 missiles, including 65 Kh-101 and Kalibr cruise missiles, and 90 drones."
    ) == {
        ("missile", None): (None, 70),
        ("missile", "Kh-101/Kalibr"): (None, 65),
        ("drone", None): (None, 90),
    }
    # (launched, the types among them are launched)
    assert _weapons("Russia fired 70 missiles, including 65 Kh-101 cruise missiles, and 90 drones.") == {
        ("missile", None): (70, None),
        ("missile", "Kh-101"): (65, None),
        ("drone", None): (90, None),
    }


def test_a_toll_whose_subject_holds_an_aside_between_commas_is_still_a_toll() -> None:
    facts = classify(
        "The number of dead from a strike on flats in Rivne, in western Ukraine, rose to 14 on Monday."
    )
    assert facts.killed is not None and facts.killed.value == 14


def test_the_number_shot_down_put_at_figures_is_an_interception() -> None:
    assert _weapons("The air force put the number shot down or jammed at 140 drones and two missiles.") == {
        ("drone", None): (None, 140),
        ("missile", None): (None, 2),
    }


def test_air_defences_accounted_for_figures_are_interceptions() -> None:
    assert _weapons("Air defences accounted for 410 drones and 21 missiles, the air force said.") == {
        ("drone", None): (None, 410),
        ("missile", None): (None, 21),
    }


def test_a_running_total_brought_to_a_figure_outweighs_the_increment_before_it() -> None:
    facts = classify(
        "Two more people were hurt in Lviv, bringing the overall number of wounded to at least 35."
    )
    assert facts.injured is not None and (facts.injured.value, facts.injured.qualifier) == (35, "at_least")


def test_a_day_after_is_a_time_not_a_daily_rate() -> None:
    facts = classify(
        "Drones hit Kyiv on Thursday, killing two people and wounding 16, a day after a record barrage."
    )
    assert (facts.killed.value, facts.injured.value) == (2, 16)


def test_both_figures_of_a_toll_that_climbs_are_updates_and_so_is_a_toll_that_has_now_risen() -> None:
    f = classify("The toll climbs to six killed and 40 injured.")
    assert (f.killed_update, f.injured_update) == (True, True)
    f = classify("Officials say 90 people have now been injured in the overnight attack.")
    assert f.injured is not None and f.injured.value == 90 and f.injured_update


def test_a_live_pages_latest_from_an_official_announces_an_update() -> None:
    from peacewatch.extract.counts import updates_toll

    assert updates_toll("22:10\nLatest from the governor: ")
    assert not updates_toll("The governor said: ")


def test_a_sentence_opening_on_the_one_person_just_named_counts_one() -> None:
    f = classify("He was wounded and taken to hospital.")
    assert f.injured is not None and f.injured.value == 1
    assert classify("She was killed instantly.").killed.value == 1
    assert classify("They were wounded.").injured is None


def test_a_ratio_of_shells_is_no_count() -> None:
    f = classify("Russian troops fire roughly five shells for every one Ukraine's forces can use.")
    assert not f.weapons
    assert classify("Russian troops fired five shells at the village.").weapons


def test_a_monitors_count_of_civilian_casualties_is_a_period_total() -> None:
    lead = "In September 2022 the mission recorded 1,034 civilian casualties in Ukraine: "
    f = classify("376 killed and 658 injured.", lead=lead)
    assert f.killed is None and f.injured is None
    assert classify("376 killed and 658 injured.", lead="The strike hit a market: ").killed is not None


def test_a_monitoring_missions_statement_on_one_days_incident_keeps_its_toll() -> None:
    f = classify(
        "The monitoring mission is alarmed by the shelling of a market in Donetsk on Sunday morning, which "
        "the authorities say killed 27 people and wounded 25."
    )
    assert f.killed is not None and f.killed.value == 27 and f.injured is not None
    assert classify("The monitoring mission recorded 27 civilians killed and 25 wounded.").killed is None


def test_brought_down_with_a_bare_figure_counts_the_weapon_named_before() -> None:
    f = classify(
        "air defences brought down two, and the other two struck port facilities.", ("missile", "Kalibr")
    )
    assert [(k, m, ic.value if ic else None) for k, m, _lc, ic in f.weapons] == [("missile", "Kalibr", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "We estimate that Russia entered December with roughly 120 Kalibr and 90 Kh-101 in reserve.",
        "Russia has conducted two large missile raids on the energy grid in 12 days.",
        "The plant now completes about 2,700 attack drones a month, alongside some 2,500 Gerbera decoys.",
        "Russia mounted five nights with more than 400 drones each during the month.",
        "The average was about 170 drones per night.",
    ],
)
def test_stocks_raids_rates_and_figures_each_night_had_count_no_weapons(text: str) -> None:
    assert all(lc is None and ic is None for _, _, lc, ic in classify(text).weapons)


def test_drones_shot_down_and_others_lost_to_jamming() -> None:
    got = _weapons(
        "It reported 270 drones and two missiles shot down and 208 drones lost to electronic jamming."
    )
    assert got == {("drone", None): (None, 270), ("missile", None): (None, 2)}


def test_a_figure_over_several_raids_counts_no_weapons_but_one_attacks_waves_do() -> None:
    got = _weapons(
        "Between 21 and 29 March Russia fired more than 150 missiles at Ukraine in three large raids."
    )
    assert all(v == (None, None) for v in got.values())
    got = _weapons("The air force said Russia launched 127 missiles and 109 drones in several waves.")
    assert got == {("missile", None): (127, None), ("drone", None): (109, None)}


def test_a_figure_a_day_after_another_is_still_a_count() -> None:
    assert _weapons("A day later Russia launched 90 drones a day after the talks.")[("drone", None)][0] == 90


def test_a_toll_summed_across_several_strikes_is_no_count() -> None:
    f = classify("7 dead and 203 injured across the weekend's two deadliest strikes")
    assert f.killed is None and f.injured is None
    f = classify("48 dead in three strikes")
    assert f.killed is None


def test_launched_then_that_some_were_shot_down_keeps_both_figures() -> None:
    got = _weapons(
        "The air force said Russia had launched 13 missiles and 29 drones that night and that 7 missiles and 22 "
        "drones were shot down."
    )
    assert got == {("missile", None): (13, 7), ("drone", None): (29, 22)}


def test_the_dead_numbered_is_a_toll() -> None:
    f = classify("The dead numbered 21, including a paramedic and a rescuer, and 75 people were wounded.")
    assert f.killed is not None and f.killed.value == 21 and f.injured is not None and f.injured.value == 75


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Wounded are 8 citizens, 1 of them is in a heavy condition.", None, 8),
        ("Until the evening the dead are 35, and the wounded are 117, of which 15 are children.", 35, 117),
        ("According to the mayor, died 7 persons, among them a mother with 3 daughters.", 7, None),
        ("In the attack were injured 5 citizens.", None, 5),
        ("Among the injured were at least three children, he said.", None, None),
    ],
)
def test_a_translations_verb_before_its_subject_still_counts(
    text: str, killed: int | None, injured: int | None
) -> None:
    f = classify(text)
    assert (f.killed and f.killed.value, f.injured and f.injured.value) == (killed, injured)


def test_a_translations_shot_down_were_counts_the_intercepted() -> None:
    f = classify("Shot down or by electronic means neutralised were 288 drones and 3 missiles.")
    assert {k: (lc, ic.value if ic else None) for k, _mo, lc, ic in f.weapons} == {
        "drone": (None, 288),
        "missile": (None, 3),
    }


def test_a_model_named_after_its_noun_is_that_models_count() -> None:
    f = classify("The aggressor used 20 cruise missiles X-101 (Kh-101) and 12 guided missiles Kh-59.")
    assert {mo: lc.value for _k, mo, lc, _ic in f.weapons} == {"Kh-101": 20, "Kh-59": 12}


def test_a_translations_resulted_wounded_is_a_toll() -> None:
    f = classify(
        "In Kyiv died 7 persons and at least 20 resulted wounded; damaged were residential buildings."
    )
    assert (f.killed.value, f.injured.value, f.injured.qualifier) == (7, 20, "at_least")


@pytest.mark.parametrize(
    "text",
    [
        '- 15:20 — removed an unverified claim of "200 missiles": that number appears nowhere official.',
        '- 13:05 — "5 killed nationwide" replaced by the official toll at 19:40.',
    ],
)
def test_a_figure_quoted_only_to_be_withdrawn_is_no_count(text: str) -> None:
    f = classify(text)
    assert (f.killed, f.weapons) == (None, ())


def test_an_hour_and_its_minutes_are_no_figures() -> None:
    assert [n.text for n in find_numbers("the toll was revised at 19:40 and again at 07:05")] == []


def test_n_more_were_hurt_after_the_dead_is_the_injured_count() -> None:
    f = classify("The dead numbered twenty-five, two of them children, and 31 more were hurt.")
    assert (f.killed.value, f.injured.value) == (25, 31)
