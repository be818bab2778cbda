"""clean(): boilerplate lines blanked in place, offsets kept, facts never touched."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacewatch.ingest import clean

TITLE = "Missile strike on Dnipro kills six as envoys gather in Geneva"


def blanked(text: str, title: str | None = TITLE) -> list[str]:
    """The original content of every blanked span."""
    _cleaned, spans = clean(text, title)
    return [text[s:e] for s, e, _why in spans]


def assert_in_place(raw: str, cleaned: str) -> None:
    assert len(cleaned) == len(raw)
    for a, b in zip(raw, cleaned, strict=True):
        assert b == a or (b == " " and a not in "\n\r\u2028")
    assert len(cleaned.splitlines()) == len(raw.splitlines())


# --- offsets ---------------------------------------------------------------------------------------


def test_blanked_lines_become_spaces_of_the_same_length() -> None:
    raw = f"{TITLE}\n\n42\nA missile hit a supermarket in Dnipro, officials said.\nAdvertisement\n"
    cleaned, spans = clean(raw, TITLE)
    assert_in_place(raw, cleaned)
    assert [raw[s:e] for s, e, _ in spans] == ["42", "Advertisement"]
    for s, e, _why in spans:
        assert cleaned[s:e] == " " * (e - s)
    # Every offset into the cleaned text quotes the raw text.
    i = cleaned.index("supermarket")
    assert raw[i : i + 11] == "supermarket"


def test_crlf_and_indentation_are_kept() -> None:
    raw = f"{TITLE}\r\n   19  \r\nFour people were wounded, the governor said.\r\n"
    cleaned, spans = clean(raw, TITLE)
    assert_in_place(raw, cleaned)
    assert cleaned.count("\r\n") == 3
    (s, e, _why), *_ = spans
    assert raw[s:e] == "19"


def test_clean_text_has_no_spans() -> None:
    raw = "Talks resume\nNegotiators met again on Friday."
    assert clean(raw, "Talks resume") == (raw, ())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(["19", "Advertisement", "Share this article", "Thanks for sharing!", TITLE, ""]),
        ),
        max_size=12,
    ),
    st.one_of(st.none(), st.text(max_size=40), st.just(TITLE)),
)
def test_property_only_spaces_replace_characters(lines: list[str], title: str | None) -> None:
    raw = "\n".join(lines)
    cleaned, spans = clean(raw, title)
    assert_in_place(raw, cleaned)
    for s, e, why in spans:
        assert 0 <= s < e <= len(raw) and why
        assert "\n" not in raw[s:e]


# --- stand-alone numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize("line", ["19", "1,204", "2.3K", "23 comments", "Comments (7)", "  5  "])
def test_stand_alone_counts_are_blanked(line: str) -> None:
    raw = f"{TITLE}\n{line}\nThe strike destroyed a three-storey building, police said.\n"
    assert blanked(raw) == [line.strip()]
    assert clean(raw, TITLE)[1][0][2].startswith("stand-alone number")


def test_numbers_inside_sentences_and_dates_stay() -> None:
    raw = f"{TITLE}\nAt least 19 people were wounded.\n25.11.2025\n48 missiles and 470 drones were launched\n"
    assert blanked(raw) == []


# --- headline repeats ----------------------------------------------------------------------------------


def test_reworded_headline_variant_is_blanked_but_the_title_line_kept() -> None:
    raw = (
        f"{TITLE}\n"
        "Six killed in Russian missile strike on Dnipro while envoys gather in Geneva\n"
        "A Russian ballistic missile struck a bus station in Dnipro on Friday.\n"
    )
    assert blanked(raw) == ["Six killed in Russian missile strike on Dnipro while envoys gather in Geneva"]
    assert clean(raw, TITLE)[1][0][2] == "repeated headline"


def test_exact_repeat_of_the_headline_is_blanked_once_kept_once() -> None:
    raw = f"{TITLE}\nBody line about the strike, officials said.\n{TITLE}\n"
    cleaned, spans = clean(raw, TITLE)
    assert cleaned.startswith(TITLE)
    assert [raw[s:e] for s, e, _ in spans] == [TITLE]
    assert spans[0][0] == raw.rindex(TITLE)


def test_without_title_the_first_line_is_the_headline() -> None:
    raw = (
        "Kyiv hit by drones overnight, two injured\n7\nTwo injured as drones hit Kyiv overnight\nBody text.\n"
    )
    assert blanked(raw, None) == ["7", "Two injured as drones hit Kyiv overnight"]


def test_a_count_before_the_headline_is_not_taken_for_it() -> None:
    raw = "12\nKyiv hit by drones overnight, two injured\nTwo injured as drones hit Kyiv overnight\n"
    assert blanked(raw, None) == ["12", "Two injured as drones hit Kyiv overnight"]


def test_first_occurrence_is_kept_when_title_is_given_separately() -> None:
    # JSONL: the title is a field; the text opens with a variant of it, which is the title line.
    raw = "Six killed in missile strike on Dnipro as envoys gather in Geneva\nRescuers searched the ruins.\n"
    assert blanked(raw) == []


def test_factual_sentence_sharing_the_headline_words_is_kept() -> None:
    raw = (
        f"{TITLE}\n"
        "A Russian missile strike on Dnipro killed six people on Friday, as envoys gathered in Geneva.\n"
        "Missile strike on Dnipro\n"
    )
    # The sentence reports facts (ends with a full stop); the short sub-heading shares only a few words.
    assert blanked(raw) == []


def test_caption_is_kept_even_when_it_echoes_the_headline() -> None:
    # Captions often carry the only mention of the weapon; they are kept on purpose.
    raw = (
        f"{TITLE}\n"
        "Rescuers work at the site of a Russian Iskander-M missile strike in Dnipro\n"
        "The strike hit a bus station during the morning rush hour.\n"
    )
    assert blanked(raw) == []


# --- reader comments ------------------------------------------------------------------------------------

BODY = (
    "The air force said 14 of 20 drones were shot down over the Sumy region.\n"
    "Local officials reported damage to a school and two private houses.\n"
)


@pytest.mark.parametrize(
    "comment",
    [
        "Great article, thanks for sharing!",
        "What a thought-provoking piece",
        "Such an insightful read. Thank you so much for writing this",
        "Really informative report",
        "Thanks for the update",
    ],
)
def test_reader_comments_at_the_end_are_blanked(comment: str) -> None:
    raw = f"{TITLE}\n{BODY}\n\n{comment}\n"
    assert blanked(raw) == [comment]
    assert clean(raw, TITLE)[1][0][2] == "reader comment"


def test_comment_like_lines_in_the_middle_or_reporting_are_kept() -> None:
    mid = f"{TITLE}\nGreat article, thanks for sharing!\n{BODY}"
    assert blanked(mid) == []
    quoted = f"{TITLE}\n{BODY}Thanks for sharing the intelligence, the minister told reporters.\n"
    assert blanked(quoted) == []


# --- promo, newsletter, donation, share footers ----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Subscribe to our daily war briefing", "newsletter/subscription promo"),
        ("Sign up for the Eastern Europe newsletter", "newsletter/subscription promo"),
        ("Follow us on Telegram", "share/follow prompt"),
        ("Follow Front Line Daily on X", "share/follow prompt"),
        ("Share this article", "share/follow prompt"),
        ("Telegram", "share/follow prompt"),
        ("Read more: Why winter matters for Ukraine's grid", "related link"),
        ("Related: Kyiv hit by largest drone attack of the month", "related link"),
        ("See also", "related link"),
        ("Also in Politics: Kremlin comments on the Rome talks · Explainer: Why Easter?", "related link"),
        ("More in Europe: Sanctions round-up", "related link"),
        ("Previously: Fire at Oryol oil depot after drone attack in October - what is known", "related link"),
        (
            "More news: Moscow Region - buildings damaged in Ramenskoye after drone attack (September 10)",
            "related link",
        ),
        ("Updates – Front Line News Brief", "news brief promo"),
        ("To the Front Line News Brief in English", "news brief promo"),
        ("All current reports on the war can be found in our live blog.", "news brief promo"),
        ("Advertisement", "advertisement"),
        ("© 2025 Front Line Daily", "copyright"),
        ("Copyright 2024 Example Media Group. All rights reserved.", "copyright"),
        (
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            "cookie notice",
        ),
        ("Donate to keep our reporters in the field", "donation appeal"),
        ("Support independent journalism from Ukraine", "donation appeal"),
        ("Tags: Ukraine, Russia, drones", "tags"),
        ("Leave a comment", "comment section"),
    ],
)
def test_footer_lines_are_blanked(line: str, why: str) -> None:
    raw = f"{TITLE}\n{BODY}\n{line}\n"
    cleaned, spans = clean(raw, TITLE)
    assert [(raw[s:e], w) for s, e, w in spans] == [(line, why)]
    assert line not in cleaned


def test_a_footer_block_is_blanked_whole() -> None:
    footer = (
        "Updates – Front Line News Brief\n"
        "All current daily reports can be found in the Front Line News Brief."
    )
    raw = f"{TITLE}\n{BODY}\n{footer}\nTo the Front Line News Brief\n"
    assert len(blanked(raw)) == 3
    assert "Sumy" in clean(raw, TITLE)[0]


def test_standalone_promo_in_the_middle_is_blanked() -> None:
    raw = f"{TITLE}\nThe first paragraph reports the strike.\nAdvertisement\nDonate to our newsroom\n{BODY}"
    assert blanked(raw) == ["Advertisement", "Donate to our newsroom"]


# --- nothing of a normal news paragraph is blanked --------------------------------------------------------

NEWS_PARAGRAPHS = [
    "Russian forces launched 65 missiles and about 480 drones at Ukraine overnight, the air force said, "
    "in one of the largest combined attacks on the energy system since the start of the war.",
    "Support for the ceasefire proposal has grown among European governments, diplomats in Brussels said on "
    "Thursday, although several capitals want guarantees before any troops are deployed.",
    "Follow-up talks are planned for next week in Abu Dhabi, where the delegations will discuss a "
    "moratorium on strikes against ports and power plants.",
    "Share prices of Ukrainian grain exporters fell 4% in Warsaw after the strike on the port of Izmail.",
    "Related talks between military officers on prisoner exchanges were held in Istanbul on Tuesday.",
    "Updates to the 20-point plan were sent to Moscow on Sunday, a Kremlin spokesman confirmed.",
    "Subscribers to the emergency alert service in Kherson received 14 warnings in a single day.",
    "Thanks to repairs overnight, power was restored to 120,000 homes in Odesa by the morning.",
    "Advertisements for army recruitment now cover bus stops across Kyiv.",
    "Four people were killed and 19 wounded in the attack on Kryvyi Rih, the city's military "
    "administration said.",
    "Great damage was done to the substation, engineers said, and repairs could take weeks.",
]


@pytest.mark.parametrize("paragraph", NEWS_PARAGRAPHS)
def test_normal_news_paragraph_is_never_blanked(paragraph: str) -> None:
    for raw in (f"{TITLE}\n{paragraph}\n{BODY}", f"{TITLE}\n{BODY}{paragraph}\n"):
        assert blanked(raw) == []


def test_a_whole_realistic_article_loses_only_its_furniture() -> None:
    body = "\n\n".join(NEWS_PARAGRAPHS)
    raw = (
        f"{TITLE}\n\n31\n"
        "Six dead as Russian missile hits Dnipro while envoys gather in Geneva\n"
        "A rescuer carries a child from a building hit by a Kh-101 cruise missile in Dnipro\n\n"
        f"{body}\n\nShare this article\nSign up for our newsletter\n\nWhat a thought provoking article! "
        "Thanks for sharing\n"
    )
    cleaned, spans = clean(raw, TITLE)
    assert_in_place(raw, cleaned)
    assert [w for _s, _e, w in spans] == [
        "stand-alone number (comment or share count)",
        "repeated headline",
        "share/follow prompt",
        "newsletter/subscription promo",
        "reader comment",
    ]
    assert "Kh-101 cruise missile" in cleaned
    for paragraph in NEWS_PARAGRAPHS:
        assert paragraph in cleaned


def test_reader_comments_below_a_comments_header_are_blanked_even_when_they_sound_like_news() -> None:
    body = "\n\n".join(NEWS_PARAGRAPHS)
    raw = (
        f"{TITLE}\n\n{body}\n\n---\n3 comments\n\n"
        "MikeFL: Another meeting, another photo op.\n\n"
        "Olena K.: Eight people killed in Odesa the same day they talk about peace.\n"
    )
    cleaned, spans = clean(raw, TITLE)
    assert_in_place(raw, cleaned)
    assert "Eight people killed" not in cleaned and "MikeFL" not in cleaned
    assert [w for _s, _e, w in spans].count("reader comment") == 2
    for paragraph in NEWS_PARAGRAPHS:
        assert paragraph in cleaned


def test_a_quoted_speaker_in_the_body_is_not_a_commenter() -> None:
    raw = f"{TITLE}\n\n{BODY}\nZelensky: We will not give up our land.\n\n{BODY}"
    assert blanked(raw) == []


def test_comments_with_handle_timestamp_and_dash_are_blanked() -> None:
    body = "\n\n".join(NEWS_PARAGRAPHS)
    raw = (
        f"{TITLE}\n\n{body}\n\nComments (142)\n\nSorted by oldest\n\n"
        "BorderlandNotes, 7 Dec 2024 14.40 - I drove through Zaporizhzhia in 2019.\n"
        "hmkn1972, 7 Dec 2024 15.02 - Another Friday, another massacre. 10 dead and the world shrugs.\n"
    )
    cleaned, _spans = clean(raw, TITLE)
    assert_in_place(raw, cleaned)
    assert "10 dead" not in cleaned and "BorderlandNotes" not in cleaned


def test_the_links_listed_under_a_related_header_are_blanked() -> None:
    text = (
        "Kyiv hit overnight\n\nRussia launched 405 drones at Ukraine, the air force said.\n\n"
        "Related coverage\n"
        "- The Tomahawk question: what the missiles could and could not change\n"
        "- Budapest, explained: why Orban wanted the summit\n"
        "The mayor said repairs would take a week.\n"
    )
    out, spans = clean(text, "Kyiv hit overnight")
    assert [why for _s, _e, why in spans] == ["related link"] * 3
    assert "Tomahawk" not in out and "Budapest" not in out
    assert "The mayor said repairs would take a week." in out  # a sentence after the list is the article


def test_a_live_pages_pointers_to_earlier_coverage_are_links_but_its_earlier_posts_are_not() -> None:
    text = (
        "Kyiv live\n\nExplosions rang out across Kyiv overnight.\n\n"
        "Earlier on this page and elsewhere\n"
        "- Monday: Geneva talks end with a refined text\n"
        "- Sunday: Kharkiv hit as Geneva talks begin\n\n"
        "Catch up on our earlier coverage: Wednesday's briefing | Zelensky in Washington\n\n"
        "Previously on Continental Markets\n- Friday: Istanbul talks and the swap deal\n\n"
        "Earlier today\n- 11:15: A drone hit a car in Kherson, injuring the driver\n"
    )
    out, _spans = clean(text, "Kyiv live")
    assert "Kharkiv hit" not in out and "Zelensky in Washington" not in out and "Istanbul" not in out
    assert "A drone hit a car in Kherson" in out


def test_a_figures_box_heading_that_echoes_the_headline_is_kept() -> None:
    text = (
        "Key dates since Alaska: a chronology\n\n"
        "Kyiv was hit again.\n\n"
        "Key numbers since Alaska\n"
        "Over 1,400 drones in the two largest Kyiv raids | 27 killed in the capital in two nights\n"
    )
    cleaned, removed = clean(text, "Key dates since Alaska: a chronology")
    assert "Key numbers since Alaska" in cleaned
    assert not any(why == "repeated headline" for _a, _b, why in removed)


def test_a_reference_pages_hatnotes_are_cleaned_away_but_prose_with_see_stays() -> None:
    text = (
        "2024 beach attack\nWiki\n\n"
        "This article is about the June 2024 attack. For the 2023 strike on the fleet headquarters, see Black Sea "
        "Fleet headquarters strike.\n\n"
        "For Ukraine's 2022 proposal, see Ten-point peace formula.\n\n"
        "Russia struck the city. For weeks, see the news."
    )
    out, spans = clean(text)
    assert "see Black Sea" not in out and "Ten-point" not in out
    assert "Russia struck the city. For weeks, see the news." in out
    assert {why for _, _, why in spans} == {"hatnote"}
