"""A young person's night with an open case, in the terminal chat (`husly chat`) and `husly cases show`: thrown out,
yes to a caseworker, the questions answered in part, messages written in between. Each message reaches the case,
but the same sentence does not come back under every one; a tap on the own-words buttons is said back; a typed "no"
at the other questions skips them (the learned model read "jeg vil ikke" as despair and the suicide line came),
while "jeg vil ikke leve mere" is still a crisis."""

from __future__ import annotations

import asyncio
import io
import itertools

import pytest
from sqlmodel import Session, col, select

from bot.app import App
from bot.cases.models import CaseMessage
from handlers.console import chat
from tests.cases_support import case, husly
from tests.corpus import our_own

THROWN_OUT = "min stedmor har smidt mig ud her i aften, og jeg har ingen steder at sove"
# Written at the questions, one after another, the way someone alone at night writes.
FIVE = ("jeg har aldrig prøvet noget lignende før", "hallo hallo", "det er mørkt og koldt herude",
        "min oplader ligger derhjemme", "jeg holder chatten åben og venter på jer")
ON_THE_CASE = "Jeg har lagt din besked på din sag"
LIFELINE = "Livslinien"


class _Typed:
    """What the person types, line by line, noting where the transcript stood when each line was read (the chat
    handles a line and prints its replies before it reads the next)."""

    def __init__(self, lines: tuple[str, ...], out: io.StringIO) -> None:
        self.lines, self.out = list(lines), out
        self.marks: list[int] = []

    def readline(self) -> str:
        self.marks.append(len(self.out.getvalue()))
        return self.lines.pop(0) + "\n" if self.lines else ""


def talk(app: App, *lines: str) -> list[list[str]]:
    """One chat session: the bot's messages after each line typed, each message as one line of text (buttons left
    out)."""
    out = io.StringIO()
    typed = _Typed(lines, out)
    asyncio.run(chat(app, stdin=typed, out=out, lang="da"))  # type: ignore[arg-type]
    text = out.getvalue()
    return [said_to(text[start:end]) for start, end in itertools.pairwise(typed.marks)]


def said_to(transcript: str) -> list[str]:
    messages = [block.strip() for block in transcript.split("Husly: ")[1:]]
    return [" ".join(line.strip() for line in m.splitlines() if not line.strip().startswith("[")) for m in messages]


@pytest.fixture
def app(sqlite_engine, make_app, capsys) -> App:
    built = make_app(sqlite_engine)
    husly(built, capsys, "staff", "add", "--municipality", "aarhus", "--name", "Mette")
    return built


def kept(app: App) -> list[str]:
    with Session(app.engine) as session:
        return [m.text for m in session.exec(select(CaseMessage).where(col(CaseMessage.direction) == "in")
                                             .order_by(col(CaseMessage.id)))]


def test_five_short_messages_at_the_questions_each_reach_the_case_without_the_same_sentence_five_times(app: App
                                                                                                     ) -> None:
    replies = talk(app, THROWN_OUT, "1", "1", *FIVE)  # yes to a caseworker, yes: they may read it
    said = [" ".join(m for m in after if "på din sag" in m or "på den" in m) for after in replies[3:]]
    assert all(said), said  # each is told it reached the case
    assert sum(ON_THE_CASE in s for s in said) <= 2, said  # was under all five
    assert all(a != b for a, b in itertools.pairwise(said)), said
    assert kept(app) == [THROWN_OUT, *FIVE]  # none lost


def test_a_tap_on_the_own_words_buttons_is_said_back(app: App) -> None:
    after = talk(app, THROWN_OUT, "1", "2")[2]  # [2] Nej, kun mine svar
    assert after[0].startswith("Okay, det er helt fint. Medarbejderne ser kun dine svar"), after
    assert after[1].startswith("Hvilken kommune er du i?"), after
    assert case(app.engine).words_consent is False


@pytest.mark.parametrize("no", ["jeg vil ikke", "det vil jeg ikke", "nej det gider jeg ikke"])
def test_a_typed_no_at_a_question_with_choices_skips_it_and_is_no_crisis(app: App, no: str) -> None:
    # At the municipality question, then "det vil jeg ikke" at the age question, "nej det gider jeg ikke" at tonight.
    replies = talk(app, THROWN_OUT, "1", "2", no, "det vil jeg ikke", "nej det gider jeg ikke")
    at_place, at_age, at_tonight = replies[3:]
    # As the Skip button: the next question, not the suicide line (nor, at tonight, a topic searched).
    assert at_place[0].startswith("Et par korte spørgsmål hjælper medarbejderen"), at_place  # the age question
    assert at_age[0].startswith("Hvor skal du sove i nat?"), at_age
    assert at_tonight[0].startswith("Må medarbejderen se dit fornavn"), at_tonight
    assert not any(LIFELINE in m or "112" in m for after in replies[3:] for m in after), replies[3:]
    assert case(app.engine).urgency != "emergency"


def test_not_wanting_to_live_at_a_question_is_still_a_crisis(app: App) -> None:
    after = talk(app, THROWN_OUT, "1", "2", "jeg vil ikke leve mere")[3]
    assert any("112" in m for m in after) and any(LIFELINE in m for m in after), after
    assert case(app.engine).urgency == "emergency"


def test_sitting_on_a_bench_at_the_age_question_is_where_they_are_not_despair(app: App) -> None:
    after = talk(app, THROWN_OUT, "1", "2", "5", "jeg sidder bare på en bænk")[4]  # no to their words, [5] Aarhus
    assert not any(LIFELINE in m for m in after), after
    assert case(app.engine).tonight == "outside" and case(app.engine).urgency != "emergency"


def test_a_no_written_after_the_questions_is_not_searched_as_a_topic(app: App) -> None:
    # No to their words, Aarhus, skip the age and tonight, stay anonymous: then a "no" written to nobody in particular.
    after = talk(app, THROWN_OUT, "1", "2", "5", "5", "6", "1", "nej det gider jeg ikke")[-1]
    # Only that it reached the case: not the topic on being thrown out, as if "no" had asked about it.
    assert len(after) == 1 and after[0].startswith(ON_THE_CASE), after


# Cold, at night, at the questions; past shouting; calm context that is no question; a real crisis.
COLD = ("jeg fryser sindssygt", "det er pisse koldt herude")
WARM = "Fryser du meget, så ring 112."
SHOUTED = "han var stiv og råbte af mig"
CONTEXT = ("jeg har kun min skoletaske og min telefon", "min kæreste bor på kollegium")
CRISES = ("jeg vil ikke leve mere", "han slår mig nu", "jeg har taget en masse piller")


def test_cold_at_the_questions_hears_where_to_get_warm_tonight_and_the_question_stays(app: App) -> None:
    # No to their words, [5] Aarhus: then cold, twice, at "How old are you?".
    replies = talk(app, THROWN_OUT, "1", "2", "5", *COLD)
    for after in replies[4:]:
        said = " ".join(after)
        assert WARM in said, after
        # Aarhus's own sourced night help, from the knowledge base (not invented): the outreach team's hours.
        assert "Udrykningsteamet" in said and "Kl. 16-7" in said, after
        assert after[-1] == "Hvor gammel er du?", after  # asked again, not passed over after the second
    assert not any(LIFELINE in m for after in replies[4:] for m in after)


def test_cold_before_the_municipality_is_known_asks_for_it_and_the_words_question_stays(app: App) -> None:
    replies = talk(app, THROWN_OUT, "1", *COLD)  # at "May the caseworkers read what you write?"
    for after in replies[2:]:
        assert WARM in " ".join(after) and "hvilken kommune" in " ".join(after), after
        assert after[-1].startswith("Må medarbejderne læse det, du skriver"), after  # not passed over
    assert case(app.engine).words_consent is None


def test_past_shouting_at_the_questions_is_on_the_case_without_the_suicide_line(app: App) -> None:
    after = talk(app, THROWN_OUT, "1", "2", "5", SHOUTED)[4]
    assert not any(LIFELINE in m for m in after), after
    assert any("112" in m for m in after) and any("på din sag" in m for m in after), after
    assert case(app.engine).urgency != "emergency"


def test_calm_context_at_the_questions_goes_on_the_case_and_is_not_searched(app: App) -> None:
    replies = talk(app, THROWN_OUT, "1", "2", "5", *CONTEXT)
    for after in replies[4:]:
        # A short line that it reached the case and the question: not a topic (FGU, kollegium) with its buttons.
        assert len(after) == 2 and "på din sag" in after[0], after
        assert after[1] in ("Hvor gammel er du?", "Hvor skal du sove i nat?"), after  # the question, or the next


def test_a_real_question_at_the_questions_is_answered_compactly(app: App) -> None:
    out = io.StringIO()
    typed = _Typed((THROWN_OUT, "1", "2", "5", "hvad er su?", "kan jeg få varmen et sted i nat"), out)
    asyncio.run(chat(app, stdin=typed, out=out, lang="da"))  # type: ignore[arg-type]
    text = out.getvalue()
    su, warm = text[typed.marks[4]:typed.marks[5]], text[typed.marks[5]:]
    answer = next(m for m in su.split("Husly: ") if "su.dk" in m)
    # The answer with its "Read more" alone: not six more buttons pushing the question's own off the screen.
    assert [line.strip() for line in answer.splitlines() if line.strip().startswith("[")] == ["[1] Læs mere"], answer
    assert su.rstrip().split("Husly: ")[-1].startswith("Hvor gammel er du?"), su
    # Asked without a question mark: where to get warm tonight, not only "it is on your case".
    assert "Et sted at sove eller få varmen i nat" in warm, warm


@pytest.mark.parametrize("crisis", CRISES)
def test_a_real_crisis_at_the_questions_still_gets_the_emergency_reply(app: App, crisis: str) -> None:
    after = talk(app, THROWN_OUT, "1", "2", "5", crisis)[4]
    assert any(m.startswith("Er du i fare lige nu, så ring 112.") for m in after), after
    assert case(app.engine).urgency == "emergency"


def test_a_chat_that_goes_on_shows_the_caseworkers_answer_without_the_welcome(app: App, capsys) -> None:
    talk(app, THROWN_OUT, "1", "2", "5")
    husly(app, capsys, "cases", "claim", "1", "--as", "Mette")
    husly(app, capsys, "cases", "reply", "1", "Hej, jeg hedder Mette. Hvor er du nu?", "--as", "Mette")
    out = io.StringIO()
    asyncio.run(chat(app, stdin=_Typed((), out), out=out, lang="da"))  # type: ignore[arg-type]
    shown = out.getvalue()
    assert "Hej, jeg hedder Mette. Hvor er du nu?" in shown, shown
    assert "Hej, jeg er Husly" not in shown and "Find bolig" not in shown, shown


test_the_sentences_are_our_own = our_own(THROWN_OUT, FIVE, COLD, SHOUTED, CONTEXT)
