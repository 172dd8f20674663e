"""Reading the messages real people write, in the conversation core: small talk, the language of each message,
follow-ups, someone asking for another person, letters with several issues, a crisis with its own topic, and an
honest "I don't know". (The same behaviours through both Telegram front ends: test_telegram_understanding.py;
in the terminal chat: test_console_understanding.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from sqlmodel import Session, select

from bot.answering import answer
from bot.cases.models import Case
from bot.models import Profile
from tests.support import Chat, texts

MENU_BUTTON = "menu:urgent"
COUCH = "Jeg sover på min vens sofa men han siger jeg skal være ude på fredag. Hvad gør jeg?"
# A crisis told as over (the past, then a home now), and a parent whose grown son sleeps in his car: the first is a
# question about rent help, the second a night without a bed for someone else (tests/data/README.md, principles).
PAST_CRISIS = ("For to år siden blev jeg smidt ud hjemmefra. Nu bor jeg i en lejlighed og vil gerne søge boligstøtte. "
               "Hvordan gør jeg?")
SON_IN_CAR = "Min søn på 19 er blevet smidt ud af sin kæreste og sover i bilen. Hvad kan han gøre?"
LETTER = ("Hej. Jeg har fået en opsigelse fra min udlejer, og jeg skylder tre måneders husleje. Jeg er på SU og har "
          "også gæld til mit mobilselskab. Samtidig har jeg det rigtig dårligt psykisk og kan ikke sove om natten. "
          "Hvad skal jeg gøre først? Jeg ved ikke, hvor jeg skal starte.")


def cases(chat: Chat) -> list[Case]:
    with Session(chat.app.engine) as session:
        return list(session.exec(select(Case)).all())


def stored_language(chat: Chat) -> str:
    with Session(chat.app.engine) as session:
        return session.exec(select(Profile).where(Profile.chat_id == chat.chat_id)).one().lang


# ---- small talk ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("message", "words"), [
    ("Hej", "Jeg er Husly"),
    ("hejsa 😊", "Jeg er Husly"),
    ("Hallo?", "Jeg er her"),
    ("er du en robot?", "chatbot"),
    # Who is on the other end: "hvem snakker jeg med" got the mental-health topic.
    ("hvem snakker jeg med?", "chatbot"),
    ("who am i talking to", "chatbot"),
    ("hvem er det jeg skriver med egentlig", "chatbot"),
    ("tak for hjælpen!", "Selv tak"),
    ("farvel", "Pas på dig selv"),
    ("fuck", "frustrerende"),
    # Calling the bot names is frustration, not a question about a topic ("bot" was the robot question, "dum" nothing).
    ("lol den her bot er dum", "frustrerende"),
    ("this bot is so useless lol", "frustrating"),
    ("👍👍", "Skriv dit spørgsmål"),
])
def test_small_talk_gets_a_short_friendly_reply_and_the_menu(chat: Chat, message: str, words: str) -> None:
    sent = chat.say(message)
    assert len(sent) == 1
    assert words in sent[0].text
    assert MENU_BUTTON in [b.data for b in sent[0].buttons]
    # "Hallo?" is not the halls of residence, and "Hej" is not "I'm not sure I understood".
    assert "kollegi" not in sent[0].text.lower() and "ikke sikker" not in sent[0].text


def test_a_greeting_with_a_question_is_a_question(chat: Chat) -> None:
    sent = chat.say("hej, hvordan søger jeg boligstøtte?")
    assert "Kilde:" in sent[0].text and any((b.data or "").startswith("fb:boligstoette:1") for b in sent[0].buttons)


def test_hjaelp_as_a_greeting_before_a_question_is_not_a_crisis(chat: Chat) -> None:
    sent = chat.say("Hej hjælp, hvordan søger man boligstøtte?")
    assert "112" not in texts(sent) and any((b.data or "").startswith("fb:boligstoette:1") for b in sent[0].buttons)
    assert cases(chat) == []


# ---- the language of each message ------------------------------------------------------------------------------

def test_english_in_english_out_and_the_stored_language_follows_a_clear_switch(chat: Chat) -> None:
    sent = chat.say("I sleep on the street tonight")
    assert "You should not be alone with this" in sent[0].text
    assert stored_language(chat) == "en"
    # A word that is neither language keeps the language the person switched to.
    assert "You're welcome" in chat.say("tak")[0].text
    # Clearly Danish again: Danish again.
    sent = chat.say("hvordan søger jeg boligstøtte?")
    assert "Kilde:" in sent[0].text and stored_language(chat) == "da"


def test_a_short_word_does_not_switch_the_language(chat: Chat) -> None:
    chat.say("ok")
    chat.say("SU?")
    assert stored_language(chat) == "da"


# ---- follow-ups ---------------------------------------------------------------------------------------------

def kollegium_answer(sent: list) -> bool:
    return any((b.data or "").startswith("fb:kollegium:1") for s in sent for b in s.buttons)


def test_a_follow_up_is_read_with_the_topic_just_shown(chat: Chat, clock) -> None:
    assert kollegium_answer(chat.say("Hvordan får jeg et kollegieværelse?"))
    assert kollegium_answer(chat.say("Hvad koster det?"))


def test_a_follow_up_on_the_topic_just_shown_gets_its_detail_not_the_same_answer_again(chat: Chat) -> None:
    """"Hvad koster det?" after the answer about youth housing showed the same long answer, cards and all, again;
    then the topic's detail and its list of questions; now the topic's own answer about the price."""
    first = chat.say("hvad er en ungdomsbolig")
    sent = chat.say("hvad koster det?")
    assert len(sent) == 1 and sent[0].text != first[0].text
    assert "Hvad koster en ungdomsbolig om måneden?" in sent[0].text
    datas = [b.data or "" for b in sent[0].buttons]
    assert any(d.startswith("fb:ungdomsbolig:1") for d in datas)  # still the topic, still rated


def test_a_follow_up_naming_what_it_asks_gets_that_question_of_the_topic_just_shown(chat: Chat) -> None:
    """"Hvad med penge?" after the answer about being thrown out is its question about having no money (it was
    the money topics to choose from, as if it came alone)."""
    chat.say("min far har smidt mig ud, hvad gør jeg nu")
    sent = chat.say("hvad så med penge?")
    assert "Jeg er smidt ud og har ingen penge" in sent[0].text and "kontanthjælp" in sent[0].text
    assert any((b.data or "").startswith("fb:smidt-ud:1") for b in sent[0].buttons)


def test_a_follow_up_with_its_own_specific_answer_gets_that_answer(chat: Chat) -> None:
    chat.say("hvordan søger jeg boligstøtte")
    sent = chat.say("hvor lang tid tager det?")
    assert "7 uger" in sent[0].text


@pytest.mark.parametrize(("message", "words"), [
    ("fuck det her", "frustrerende"),
    ("det var ikke det jeg spurgte om", "Undskyld, der ramte jeg forkert"),
    ("that's not what I asked", "Sorry, I got that wrong"),
])
def test_a_swear_or_a_missed_answer_after_an_answer_is_not_a_follow_up(chat: Chat, clock, message: str,
                                                                       words: str) -> None:
    # Read as a follow-up (short, "det"), these showed the halls of residence again.
    assert kollegium_answer(chat.say("Hvordan får jeg et kollegieværelse?"))
    sent = chat.say(message)
    assert len(sent) == 1 and words in sent[0].text
    assert not kollegium_answer(sent)
    # The topic is still the one to follow up on.
    assert kollegium_answer(chat.say("Hvad koster det?"))


def test_the_same_question_alone_or_much_later_is_not_a_follow_up(sqlite_engine, make_app, clock) -> None:
    app = make_app(sqlite_engine)
    alone = Chat(app, chat_id=1)
    alone.command("start")
    assert not kollegium_answer(alone.say("Hvad koster det?"))

    later = Chat(app, chat_id=2)
    later.command("start")
    assert kollegium_answer(later.say("Hvordan får jeg et kollegieværelse?"))
    clock.advance(hours=3)
    assert not kollegium_answer(later.say("Hvad koster det?"))


def test_a_new_question_after_an_answer_is_not_read_as_a_follow_up(chat: Chat) -> None:
    chat.say("Hvordan får jeg et kollegieværelse?")
    sent = chat.say("hvad er boligstøtte?")
    assert any((b.data or "").startswith("fb:boligstoette:1") for b in sent[0].buttons)


def test_a_topic_chosen_with_a_button_is_followed_up_too(chat: Chat) -> None:
    chat.press("t:kollegium")
    assert kollegium_answer(chat.say("hvad koster det"))


# ---- asking for someone else ---------------------------------------------------------------------------------

def test_a_parent_asking_for_their_son_gets_the_answer_for_the_helper(chat: Chat) -> None:
    sent = chat.say("Min datter på 17 har det svært. Hvad kan hun gøre for at få en ungdomsbolig?")
    assert sent[0].text.startswith("Det lyder, som om du spørger for en anden.")
    assert any((b.data or "").startswith("fb:ungdomsbolig:1") for b in sent[0].buttons)
    # Someone asking for themselves gets no such line.
    assert "spørger for en anden" not in chat.say("Hvordan får jeg en ungdomsbolig?")[0].text


def test_a_friend_sleeping_outside_tonight_is_urgent_but_no_case_is_opened_in_the_helpers_name(chat: Chat) -> None:
    sent = chat.say("min veninde sover på gaden i nat, hvad kan hun gøre?")
    assert "Den unge skal ikke stå alene med det her" in sent[0].text
    offer = sent[-1]
    assert "om den unge" in offer.text and "cy:go" in [b.data for b in offer.buttons]
    assert cases(chat) == [], "nothing is opened until the helper says yes"

    sent = chat.press_button(sent, "Ja tak")
    (case,) = cases(chat)
    assert "for_someone_else" in case.all_reasons()
    # The helper is not asked the young person's age or where they sleep tonight.
    assert "Hvor gammel er du" not in texts(sent) and "Hvor skal du sove i nat" not in texts(sent)


def test_a_friend_asking_what_they_can_do_tonight_is_a_helper(chat: Chat) -> None:
    # Danish "i nat" is no "I": counted as the writer, the friend's night was read as the writer's own crisis.
    sent = chat.say("min bedste ven sover udenfor i nat fordi hans mor har smidt ham ud, hvad kan jeg gøre?")
    assert sent[0].text.startswith("Den unge skal ikke stå alene med det her")
    assert "om den unge" in sent[-1].text
    # The writer's own night is still theirs.
    own = chat.say("jeg sover udenfor i nat fordi min mor har smidt mig ud, hvad kan jeg gøre?")
    assert own[0].text.startswith("Du skal ikke stå alene med det her")


def test_a_helper_writing_about_a_friend_in_danger_gets_112_first_and_no_case_unasked(chat: Chat) -> None:
    sent = chat.say("min ven har lige skrevet at han vil tage sit liv i nat og han svarer ikke på telefonen")
    assert sent[0].text.startswith("Er den unge i fare lige nu, så ring 112.")
    assert "Livslinien" in sent[0].text
    assert cases(chat) == []


def test_a_friend_who_told_the_writer_of_violence_is_the_one_in_danger_not_the_writer(chat: Chat) -> None:
    # "fortalte mig" named the writer, so the friend's danger was read as the writer's own: a case opened at once.
    sent = chat.say("min veninde fortalte mig at hendes kæreste slår hende, hvad skal jeg gøre")
    assert sent[0].text.startswith("Er den unge i fare lige nu, så ring 112.")
    assert cases(chat) == []
    # Told something about the writer's own night, the writer is still the one without a bed.
    own = chat.say("my friend told me i can crash at hers but i have nowhere tonight")
    assert own[0].text.startswith("You should not be alone with this")


def test_someone_in_danger_themselves_still_gets_a_case_at_once(chat: Chat) -> None:
    chat.say("jeg vil tage mit liv i nat")
    assert len(cases(chat)) == 1


# ---- letters with several issues --------------------------------------------------------------------------------

def test_a_letter_about_several_things_gets_the_best_topics_as_choices(chat: Chat) -> None:
    sent = chat.say(LETTER)
    assert len(sent) == 1
    assert "handler om flere ting" in sent[0].text
    topics = [b.data for b in sent[0].buttons if (b.data or "").startswith("t:")]
    assert 2 <= len(topics) <= 3
    assert "t:huslejerestance" in topics
    assert "menu:staff" in [b.data for b in sent[0].buttons], "a person is offered for all of it"
    assert not any((b.data or "").startswith("fb:") for b in sent[0].buttons), "no single confident answer"
    # One line per topic, so a phone shows it on one screen.
    assert sent[0].text.count("•") == len(topics)
    # Triage reads letters cautiously; the way to urgent help stays one tap away under every letter's answer.
    assert sent[0].text.endswith("tryk på Akut hjælp eller ring 112.")
    assert "menu:urgent" in [b.data for b in sent[0].buttons]


# ---- urgent and informative at once ----------------------------------------------------------------------------

def test_an_urgent_message_gets_the_safety_essentials_then_its_own_topic(chat: Chat) -> None:
    sent = chat.say(COUCH)
    assert len(sent) == 2, "two messages a phone can read"
    safety, topic = sent
    assert "ikke stå alene" in safety.text
    assert "Jeg sover hos venner eller familie" in topic.text  # the couch-surfing topic
    assert "cy:go" in [b.data for b in topic.buttons], "the offer of a caseworker comes with it"
    assert cases(chat) == []


# Triage reads only "homeless now"; the words say how (a landlord changed the locks). Written for this test.
LOCKED_OUT = "My landlord changed the locks yesterday and I'm homeless now. What can I do?"


def test_an_urgent_message_whose_words_name_how_it_happened_gets_that_topic_after_the_safety_essentials(
        chat: Chat) -> None:
    sent = chat.say(LOCKED_OUT)
    assert len(sent) == 2, "the safety essentials, then what the thrown-out topic says"
    safety, topic = sent
    assert "call 112" in safety.text
    assert "Thrown out by parents, a partner or a landlord" in topic.text
    assert cases(chat) == []


# Behind on rent with the bailiff due on Friday: urgent (an eviction with a date), but the letter asks about the
# arrears; written for this test.
ARREARS_LETTER = ("I'm 19 and I lost my job two months ago. I fell behind on rent and now I owe three months. The "
                  "bailiff is coming on Friday. Can I get help to pay the rent arrears? I have also applied for "
                  "benefits but heard nothing.")


def test_an_urgent_letter_about_more_than_its_crisis_gets_the_safety_essentials_then_choices(chat: Chat) -> None:
    sent = chat.say(ARREARS_LETTER)
    assert len(sent) == 2, "two messages a phone can read"
    safety, choices = sent
    assert "call 112" in safety.text
    assert "about several things" in choices.text, "not one sure answer: the letter asks about the arrears"
    topics = [b.data for b in choices.buttons if (b.data or "").startswith("t:")]
    assert topics[0] == "t:udsaettelse", "the crisis topic first"
    assert "t:huslejerestance" in topics


# Ordinary letters with words a crisis is sometimes made of: friends and a basement (a shared flat), a wish to run
# away (a quarrel at home). Written for these tests; before, the learned model raised both to urgent.
ORDINARY_LETTERS = [
    "My boyfriend and I are 19 and want to move in together. We have looked at a flat with friends of his, and one "
    "room is in the basement. The rent is 5000 kr each and I'm a student with a small job. Can we afford it, and do "
    "I get housing benefit if we share? What should we check before we sign?",
    "Hi, I'm 16 and I really hate living with my mum and stepdad. We argue all the time about everything, homework, "
    "my room, my friends. I just want to run away sometimes. Is there anywhere a 16 year old can live apart from "
    "home? How does it work?",
]


# "homeless" is one letter from "hopeless": with "we have a plan" beside it, the letter read as a suicide plan.
COUSIN = ("My cousin was homeless for two years, but last month he finally got his own flat. We have a plan to help "
          "him keep it: I go through his post with him every Sunday and we pay the rent together on the first. Can he "
          "get housing benefit, and how does he apply?")


def test_a_letter_about_someone_who_was_homeless_is_not_read_as_a_suicide_plan(chat: Chat) -> None:
    sent = chat.say(COUSIN)
    assert "Livslinien" not in texts(sent), "not the suicide topic"
    assert cases(chat) == [], "no emergency case opened"


@pytest.mark.parametrize("letter", ORDINARY_LETTERS)
def test_an_ordinary_letter_is_answered_not_treated_as_a_crisis(chat: Chat, letter: str) -> None:
    sent = chat.say(letter)
    assert "You should not be alone with this" not in texts(sent), "no crisis reply"
    assert cases(chat) == []


# ---- an honest "I don't know" -----------------------------------------------------------------------------------

def test_gibberish_gets_an_honest_dont_know_and_a_person(chat: Chat) -> None:
    sent = chat.say("xqzv plorf blubb")
    assert "ved jeg ikke" in sent[0].text
    assert "menu:staff" in [b.data for b in sent[0].buttons]


def test_another_municipality_is_said_plainly(chat: Chat) -> None:
    sent = chat.say("Hvordan får jeg en ungdomsbolig i Odense?")
    text = texts(sent)
    assert "Odense" in text and "kun den lokale hjælp" in text


def test_a_letter_ending_in_a_line_of_emoji_is_read_not_apologised_for(chat: Chat) -> None:
    # Found by the fuzzer: a last line that folds to nothing made the signature check fail (an apology).
    sent = chat.say("Hej\nJeg er blevet smidt ud hjemmefra og ved ikke hvad jeg skal gøre\n😢😢")
    assert sent and not any("gik galt" in s.text for s in sent)
    assert chat.app.core.failures == 0


def test_a_short_question_landing_unsure_on_the_topic_just_shown_is_its_follow_up(knowledge) -> None:
    """"er det gratis?" alone is a close call on the night cafés; just after that topic it is its follow-up, answered
    (was: "not sure", the same three choices). ("where can I sleep?", the question this test once asked, is a night
    without a bed now: tests/test_triage_sleep_questions.py.)"""
    kb, index = knowledge
    alone = answer(kb, index, "er det gratis?", today=dt.date(2026, 12, 5), threshold=0.4)
    after = answer(kb, index, "er det gratis?", today=dt.date(2026, 12, 5), threshold=0.4,
                   previous_topic="natvarmestue")
    assert alone.topic == "natvarmestue" and not alone.confident
    assert after.topic == "natvarmestue" and after.confident and after.kind == "answer"
