"""Urgency triage: crises are caught in Danish and English, with typos, and questions about a topic are not."""

from __future__ import annotations

import pytest

from bot.triage import Urgency, triage
from tests.triage_cases import expect

EMERGENCY = [
    ("jeg vil ikke leve mere", "da"),
    ("jeg har tanker om selvmord", "da"),
    ("jeg har lyst til at slaa mig selv ihjel", "da"),
    ("jeg skærer i mig selv", "da"),
    ("min stedfar slår mig når han er fuld", "da"),
    ("min kæreste truer mig og jeg tør ikke tage hjem", "da"),
    ("I want to end my life", "en"),
    ("my boyfriend hits me", "en"),
    ("selvmords tanker", "da"),
    # Said without the usual words: an overdose, "end it all", "in danger", stalking, a threat to kill.
    ("jeg har taget en masse piller", "da"),
    ("i want to end it all", "en"),
    ("orker ikke mere, vil bare dø", "da"),
    ("jeg er i fare", "da"),
    ("i am in danger", "en"),
    ("he will kill me", "en"),
    ("der er en der forfølger mig og jeg er bange", "da"),
]
URGENT = [
    ("jeg har ingen steder at sove i nat", "da"),
    ("jeg har ingen stedr at sove i nat", "da"),
    ("har ingen steder at sove inat", "da"),
    ("min mor har smidt mig ud", "da"),
    ("min far smed mig ud i går", "da"),
    ("jeg sover på gaden", "da"),
    ("jeg skal sættes ud af fogeden på mandag", "da"),
    ("jeg har sovet på min vens sofa men nu kan jeg ikke blive mere", "da"),
    ("jeg er 16 og kan ikke bo hjemme mere", "da"),
    ("jeg er blevet hjemløs", "da"),
    ("my parents kicked me out", "en"),
    ("I'm sleeping outside tonight", "en"),
    ("I have nowhere to go", "en"),
    # Without "jeg": the words describe the writer's own situation.
    ("sover hos venner på sofaen og må ikke blive længere", "da"),
    ("fogeden kommer i morgen", "da"),
    ("sleeping rough since monday", "en"),
    ("min udlejer har skiftet låsen", "da"),
    ("jeg har ikke noget tag over hovedet", "da"),
    ("i have no roof over my head", "en"),
]
NONE = [
    ("hvad er en natvarmestue?", "da"),
    ("hvad betyder det at blive sat ud af fogeden", "da"),
    ("er man hjemløs hvis man bor på en vens sofa", "da"),
    ("hvordan søger jeg boligstøtte", "da"),
    ("hvordan hjælper man en der sover på gaden", "da"),
    ("jeg er ikke sikker på om jeg kan få boligstøtte", "da"),  # "ikke sikker" = not sure, not unsafe
    ("må min udlejer skifte låsen", "da"),
    ("kan man få en ungdomsbolig i aarhus", "da"),
    ("hvor meget depositum må en udlejer kræve", "da"),
    ("hvad er Livslinien", "da"),
    ("what is a night shelter", "en"),
    ("how do I get on a waiting list", "en"),
    ("jeg vil gerne bo i en lejlighed i nat og dag", "da"),
    ("", "da"),
]


test_emergencies_are_emergencies = expect(EMERGENCY, Urgency.EMERGENCY)


test_urgent_situations_are_at_least_urgent = expect(URGENT, Urgency.URGENT, how="at least")


test_information_questions_are_not_flagged = expect(NONE, Urgency.NONE)


def test_reasons_say_why() -> None:
    result = triage("jeg er 16 og min far har smidt mig ud", "da")
    assert {"thrown_out", "under_18_unsafe_home"} <= set(result.reasons)
    assert triage("my bf hits me", "en").reasons == ("violence_or_threats",)


def test_danish_i_is_not_the_english_first_person() -> None:
    # "i nat" is "tonight"; only in English does "i" mean "I". (The rules' reading: the learned model may still
    # flag this one, as someone asking where to sleep tonight often needs a place.)
    from bot.triage import by_rules

    assert by_rules("hvor kan man sove i nat", "da").urgency is Urgency.NONE
    assert triage("where can I sleep tonight", "en").urgency is Urgency.URGENT


def test_a_huge_message_is_scored_without_error() -> None:
    text = "bla " * 5000 + "jeg har ingen steder at sove i nat"
    assert triage(text, "da").urgency is Urgency.URGENT


def test_the_learned_model_catches_what_no_rule_names_and_says_so() -> None:
    from bot.triage import by_rules

    text = "sidder på taget og kigger ned"  # no rule names it
    assert by_rules(text).urgency is Urgency.NONE
    result = triage(text)
    assert result.urgency is Urgency.EMERGENCY and result.reasons == ("crisis_signs",)


def test_the_learned_model_never_lowers_what_a_rule_found(monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.triage as module

    monkeypatch.setattr(module, "learned_level", lambda *_args, **_kwargs: "none")
    assert triage("jeg vil ikke leve mere").urgency is Urgency.EMERGENCY
    assert triage("min mor har smidt mig ud").urgency is Urgency.URGENT


def test_messages_written_apart_from_rules_and_model_are_triaged() -> None:
    """tests/data/triage_heldout.tsv: written independently of the rules and the training examples, never tuned on."""
    import csv
    from pathlib import Path

    from knowledge.lexicon import detect_language
    from knowledge.normalise import fold

    path = Path(__file__).parent / "data" / "triage_heldout.tsv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    got = [(row["urgency"], triage(row["text"], detect_language(fold(row["text"]).split(), row["text"])).urgency)
           for row in rows]
    missed_emergency = [row["text"] for row, (want, level) in zip(rows, got, strict=True)
                        if want == "emergency" and level is not Urgency.EMERGENCY]
    missed_urgent = sum(want == "urgent" and level is Urgency.NONE for want, level in got)
    flagged = sum(want == "none" and level is not Urgency.NONE for want, level in got)
    urgent, none = sum(w == "urgent" for w, _ in got), sum(w == "none" for w, _ in got)
    assert not missed_emergency, missed_emergency
    assert missed_urgent <= 0.05 * urgent
    assert flagged <= 0.1 * none


def test_the_fast_scorer_computes_exactly_what_the_fitted_pipeline_does() -> None:
    from bot import triage_model

    rows = triage_model.read_examples()
    pipeline = triage_model.train(rows)
    scorer = triage_model.Scorer.from_pipeline(pipeline)
    for text in ("har en plan og en dato nu", "hvordan søger jeg boligstøtte", "sover i en opgang i nat", "x", ""):
        expected = dict(zip(pipeline.classes_, pipeline.predict_proba([text])[0], strict=True))
        actual = scorer.probabilities(text)
        assert actual.keys() == expected.keys()
        assert all(abs(actual[k] - expected[k]) < 1e-9 for k in expected)


def test_an_exception_counts_only_in_the_sentences_it_is_said_in() -> None:
    # "Hvad hvis" makes its own sentence hypothetical; a sentence later the night out is real.
    assert triage("Hvad hvis min far smider mig ud?", "da").urgency is Urgency.NONE
    letter = "Jeg har tit tænkt hvad hvis det sker. Min far smed mig ud i går og jeg har ingen steder at sove."
    assert triage(letter, "da").urgency is not Urgency.NONE


test_indirect_ways_real_letters_describe_danger = expect([
    # Self-harm told by a parent, and a flat lost within days: ways real letters said it that no rule read.
    ("We just found out that our 14 year old has been cutting herself and we do not know what to do.", "en",
     Urgency.EMERGENCY),
    ("I will lose my apartment in less than a week and I have nobody to call.", "en", Urgency.URGENT),
    ("Vi måtte flytte, og nu bor jeg på sofaen hos en veninde med min datter.", "da", Urgency.URGENT),
], how="at least")


def test_a_figure_of_speech_about_parents_is_not_an_emergency() -> None:
    text = "My parents will kill me if I have to drop out of school, and I don't know how to tell them."
    assert triage(text, "en").urgency is not Urgency.EMERGENCY


def test_the_strongest_passage_of_a_letter_decides() -> None:
    from bot.triage import _passage_sure, _rules_level
    from bot.triage_model import model

    scorer = model(_rules_level)
    story = ("I moved here two years ago for my studies and I really like the city. My classes are going okay and I "
             "have a part-time job at a café. My flatmates are nice most of the time.")
    crisis = " My mum threw me out on Friday and I have slept in the stairwell since. I have nowhere to go tonight."
    assert not _passage_sure(story, scorer)
    assert _passage_sure(story + crisis, scorer)


# What real letters say around a crisis (tests/data/README.md, "Urgency on real text: principles").
test_someone_elses_night_without_a_bed_and_a_crisis_again_are_urgent = expect([
    # The person without a home is someone else: urgency is about them.
    ("Our son Mike is once again without a place to live. He has until 5 PM tomorrow to vacate the apartment.",
     "en"),
    ("His friend has been couch surfing with us for the past week, his dad is abusive.", "en"),
    ("Tonight is their last night at the motel and they will all be sleeping in the car tomorrow.", "en"),
    ("Min søn på 19 er hjemløs og sover hos venner på må og få.", "da"),
    # The same crisis again after a safe place still counts.
    ("Jeg var tilbage hjemme i en uge. I aftes smed min far mig ud igen, og jeg har ingen steder at sove.", "da"),
], Urgency.URGENT, how="at least")


test_a_crisis_told_as_over_or_far_off_or_not_about_a_home_is_not_urgent = expect([
    # Told as over: the past in its own sentence, or a safe place now after it.
    ("For to år siden blev jeg smidt ud hjemmefra. Nu bor jeg i en lejlighed og vil gerne søge boligstøtte.", "da"),
    ("Da jeg var 16 sov jeg i min bil i en måned. Nu har jeg min egen lejlighed, men kan jeg få boligstøtte?", "da"),
    ("I didn't know where to stay so I slept in a bus shelter. It was very cold and I was scared. The Children's "
     "Society helped me talk to my parents. Now I'm back home and it's loads better.", "en"),
    # A distant future, a rights question, something that is not a home, "akut" as a housing need.
    ("I am 17, and my parents are going to kick me out on my 18th birthday in August. What do I do?", "en"),
    ("My parents told me they are kicking me out at 18. I'm 17 now and still in school. What can I do to prepare?",
     "en"),
    ("Can my landlord just kick me out now?", "en"),
    ("Min søn blev smidt ud af efterskolen efter en drukfest, og kommunen vil ikke hjælpe.", "da"),
    ("Jeg er blevet smidt ud af min fodboldklub og er ked af det. Kan I hjælpe?", "da"),
    ("Jeg blev smidt ud af bussen i går fordi jeg ikke havde billet", "da"),
    ("Hej. Jeg er 19 og voksede op med en voldelig far, men jeg bor hos min mor nu og har det godt. Jeg vil gerne "
     "flytte hjemmefra til sommer, når jeg starter på uni. Hvordan søger jeg et kollegieværelse?", "da"),
    ("Jeg har akut brug for en bolig, hvor kan jeg skrive mig op?", "da"),
], Urgency.NONE)


test_a_place_is_a_night_outside_only_with_a_night_or_a_bed = expect([
    # A park, a car or a station is where people meet, park and work; with a night or a bed it is a night outside.
    ("Jeg mødte min udlejer i parken i går, og han sagde at huslejen stiger. Må han det?", "da", Urgency.NONE),
    ("I left my keys in my car and my landlord won't let me in without paying a fee. Can he do that?", "en",
     Urgency.NONE),
    ("We slept in a hotel the first week after moving to Aarhus. Can I get housing benefit for my new flat?", "en",
     Urgency.NONE),
    ("Min kæreste arbejder på stationen om natten. Kan vi få boligstøtte sammen?", "da", Urgency.NONE),
    ("Jeg har sovet i en park de sidste tre nætter", "da", Urgency.URGENT),
    ("sidder i et busskur ved roskilde station, skal sove her i nat", "da", Urgency.URGENT),
    ("I spent the night at the train station", "en", Urgency.URGENT),
    ("It's freezing in my car and I don't know how long I can do this", "en", Urgency.URGENT),
])


test_a_body_in_trouble_is_an_emergency_with_something_taken = expect([
    # Throwing up, fainting or an ambulance is a medical emergency with pills, drink or drugs beside it, not alone.
    ("Jeg er så stresset over huslejen at jeg kaster op hver morgen. Kan jeg få hjælp til at betale?", "da",
     Urgency.NONE),
    ("My boyfriend drives an ambulance and I study. Can we get student housing together?", "en", Urgency.NONE),
    ("min ven har taget en masse piller og kaster op", "da", Urgency.EMERGENCY),
    ("skal jeg ringe efter en ambulance? han har drukket og taget noget", "da", Urgency.EMERGENCY),
    ("my friend drank a lot and passed out, she wont wake up", "en", Urgency.EMERGENCY),
])


test_danger_is_to_a_person_and_a_threat_is_of_harm = expect([
    # A benefit at stake, a landlord's threat of the law, the municipality knowing an address, bad luck: no danger.
    ("Er min boligstøtte i fare, hvis jeg flytter sammen med min kæreste?", "da", Urgency.NONE),
    ("Is my housing benefit in danger if I move in with my boyfriend?", "en", Urgency.NONE),
    ("Min udlejer truer med at sætte mig ud, fordi jeg har klaget over skimmelsvamp. Må han det?", "da", Urgency.NONE),
    ("Kommunen ved hvor jeg bor, men de svarer ikke på mine mails om boligstøtte.", "da", Urgency.NONE),
    ("Jeg har været forfulgt af uheld med min lejlighed: først skimmel, så vandskade. Kan jeg få huslejen sat ned?",
     "da", Urgency.NONE),
    # A person in danger, a threat of harm: still emergencies.
    ("jeg er i fare, han står uden for døren", "da", Urgency.EMERGENCY),
    ("I think I'm in danger, he said he knows where I live", "en", Urgency.EMERGENCY),
    ("min kæreste truer med at dele nøgenbilleder af mig hvis jeg går", "da", Urgency.EMERGENCY),
])


def test_violence_in_a_letter_counts_when_it_is_going_on_not_as_its_story() -> None:
    story = ("Jeg er 24 og har boet alene i to år. Min far var voldelig, og det har præget mig. Nu læser jeg til "
             "pædagog og har en god kæreste. Vi vil gerne flytte sammen, men vi ved ikke om vi har råd til en "
             "lejlighed i Aarhus med SU og hans løn. Kan vi få boligstøtte, hvis vi begge står på kontrakten?")
    assert triage(story, "da").urgency is not Urgency.EMERGENCY
    now = story.replace("Min far var voldelig", "Min kæreste slår mig, når han drikker")
    assert triage(now, "da").urgency is Urgency.EMERGENCY
    # In a short message every mention still counts (the safe mistake).
    assert triage("min far er voldelig", "da").urgency is Urgency.EMERGENCY


def test_an_indirect_suicide_hint_counts_alone_in_a_chat_message_and_with_despair_in_a_letter() -> None:
    assert triage("jeg har en plan og har samlet piller", "da").urgency is Urgency.EMERGENCY
    moving = ("Hej. Jeg er 20 og skal flytte hjemmefra til sommer, og jeg har en plan for hvordan jeg skal betale "
              "husleje, depositum og flyttebil. Jeg har søgt ungdomsboliger i Aarhus og Randers og er skrevet op "
              "flere steder. Men hvordan virker boligstøtte, når man er på SU, og hvornår skal jeg søge den?")
    assert triage(moving, "da").urgency is not Urgency.EMERGENCY
    despair = moving.replace("Men hvordan virker", "Jeg kan ikke mere og har en plan. Hvordan virker")
    assert triage(despair, "da").urgency is Urgency.EMERGENCY


# An emergency needs danger now: an attempt years ago, a history, a parent who took their own life is background.
test_a_suicide_told_as_history_or_a_death_is_not_an_emergency_now = expect([
    ("My brother tried to kill himself two years ago and is doing better now. Can he get help paying rent while he "
     "studies?", "en"),
    ("Jeg har været indlagt på psykiatrisk efter et selvmordsforsøg for tre år siden. Nu har jeg det godt og vil "
     "søge en bolig. Kan jeg få hjælp?", "da"),
    ("Min mor begik selvmord da jeg var 12. Nu er jeg 20 og vil gerne flytte hjemmefra. Hvor søger man en "
     "ungdomsbolig?", "da"),
    ("I had a suicide attempt years ago and was in hospital for a while. Now I'm stable and looking for my own flat. "
     "Is there support for rent?", "en"),
    ("Hi, my sister has a history of self harm but she has been stable for a long time. She is 24 and has just got a "
     "job in another town, and she wants to rent a room there. How does she find a cheap one, and can she get "
     "housing benefit for a room she shares with others? We would like to help her but do not know the rules.", "en"),
], Urgency.NONE)


test_a_suicide_said_as_now_is_an_emergency_even_beside_the_past = expect([
    ("Jeg har prøvet at tage mit liv før og nu tænker jeg på det igen hver dag", "da"),
    ("I tried to kill myself last night", "en"),
    ("I used to cut myself and this week I started again", "en"),
    ("Dear Sam, I am 14. My best friend recently attempted to take her life and she still talks about doing it. Her "
     "parents don't know and she made me promise not to tell anyone. I am scared for her every day and I can't "
     "sleep. I don't know who I can tell without losing her as a friend. What should I do?", "en"),
], Urgency.EMERGENCY)


def test_violence_in_a_letters_background_is_not_an_emergency() -> None:
    # A noun ("bruises", "knife") and "my" somewhere near it made an emergency of a parent's letter; in a letter
    # violence counts when it is going on (tests above), as it does in a chat message.
    letter = ("Dear advice column, my son has a girlfriend we are unsure about. Last year she came to a party with "
              "bruises and said she had fallen off her bike, and we never found out more. They now want to move into "
              "a flat together in the spring, and they earn very little. How can we help them find something cheap, "
              "and what support can two young people get for their first home?")
    assert triage(letter, "en").urgency is not Urgency.EMERGENCY


test_asking_where_to_turn_or_a_past_night_now_housed_is_not_urgent = expect([
    ("I want some help but I don't know where to go with it, where do I begin?", "en"),
    ("Jeg ved ikke hvor jeg skal gå hen med det, hvor skal jeg starte?", "da"),
    ("My husband and I took our son back in last spring after he lost his job. He had nowhere else to go. How do I "
     "help him save up for his own flat?", "en"),
], Urgency.NONE)


test_a_night_without_a_bed_is_still_urgent_beside_those_words = expect([
    ("I had nowhere to sleep last night and slept in a stairwell", "en"),
    ("my mum kicked me out and I had nowhere to go, so I'm on a friend's sofa until friday", "en"),
    ("I don't know where to go tonight, where do I start looking for a bed?", "en"),
], Urgency.URGENT, how="at least")


test_a_death_a_general_question_a_fear_of_later_or_a_past_relationship_is_not_flagged = expect([
    ("Min bror døde af en overdosis for to år siden. Nu vil jeg gerne flytte fra vores gamle lejlighed. Hvordan "
     "finder jeg en billig bolig?", "da"),
    ("Hvad gør jeg hvis min ven har selvmordstanker?", "da"),
    ("What are the warning signs that someone is suicidal?", "en"),
    ("I'm afraid my landlord will kick me out if I complain about the mould. Is he allowed to do that?", "en"),
    ("Can my flatmate get me kicked out of our flat for playing music late?", "en"),
    ("Jeg er 24 og var udsat for vold i mit tidligere forhold. Det er slut nu, og jeg bor alene. Jeg har stadig "
     "gæld fra dengang og kan ikke betale min husleje. Hvad kan jeg gøre?", "da"),
], Urgency.NONE)


test_someone_in_danger_now_is_still_an_emergency = expect([
    ("My friend told me tonight that she wants to kill herself. What do I do?", "en"),
    ("Min ven har lige taget en overdosis og vågner ikke", "da"),
    ("hvad gør jeg, min ven siger han vil tage sit liv i aften", "da"),
], Urgency.EMERGENCY)


test_a_letter_about_living_with_someone_or_an_old_seizure_is_not_an_emergency = expect([
    # "don't want to live" is about a flatmate, not about being alive.
    "Dear Amy, my roommate drinks a lot on weekends and last Saturday he passed out on the couch. He was fine the "
    "next morning. I don't want to live with someone like that anymore. Can I end my part of the lease early?",
    # Pills for epilepsy and an ambulance a year ago, in different sentences: no overdose now.
    "Dear Abby, my son is 23 and takes pills for his epilepsy. Last year he had a seizure at work and the ambulance "
    "came, and since then his boss has been nervous about him. He is fine now and wants to move to a flat closer to "
    "his job. What support can he get for the rent?",
], Urgency.URGENT, how="at most", lang="en")


def test_a_life_going_nowhere_is_a_figure_of_speech() -> None:
    text = "My life is going nowhere, I'm 25 and still live with my parents. How do I find my own place?"
    assert triage(text, "en").urgency is Urgency.NONE


def test_physical_abuse_at_home_and_sofas_at_friends_are_read_by_the_rules() -> None:
    from bot.triage import by_rules

    assert by_rules("My stepdad is physically abusive towards my mum and my little sisters are at home with him",
                    "en").urgency is Urgency.EMERGENCY
    assert "couch_surfing" in by_rules("Jeg har sovet på sofaen hos venner i flere uger og ved ikke hvad jeg skal",
                                       "da").reasons


def test_the_model_does_not_make_an_emergency_of_signs_the_rules_told_apart() -> None:
    # Bullying is another service's matter (the rules tell violence in its sentence apart); the model, sure of
    # "hitting" and "scared", raised it to an emergency. A message with no sign the rules know it still raises.
    text = ("a boy in my class keeps getting bullied and they keep hitting him and pushing him over, I feel scared "
            "for him")
    assert triage(text, "en").urgency is Urgency.NONE
    assert triage("sidder på taget og kigger ned", "da").urgency is Urgency.EMERGENCY


def test_a_past_night_without_a_home_and_sleeplessness_are_not_signs_the_model_raises_a_letter_on() -> None:
    letter = ("Dear column, our son moved back home with us in the spring after his lease ended, because he had "
              "nowhere else to go at the time. He works nights at a warehouse and says he can't sleep during the day "
              "with his little brothers at home. We love having him, but we want him to find a place of his own. How "
              "much should he save, and what help can he get?")
    assert triage(letter, "en").urgency is Urgency.NONE


def test_not_wanting_someone_to_do_something_is_not_being_unwanted_at_home() -> None:
    from bot.triage import by_rules

    text = "my mum doesn't want me to go to the festival and I'm afraid to ask her again, how do I convince her"
    assert "unsafe_home" not in by_rules(text, "en").reasons
    assert "unsafe_home" in by_rules("my mum doesn't want me at home anymore and I'm scared", "en").reasons


test_a_danish_letters_past_or_a_bed_now_is_not_flagged = expect([
    # Thrown out and homeless "som 17-årig", nine years ago: the story of a letter, not a night now.
    "Kære Puk. Jeg blev smidt ud hjemmefra som 17-årig og var hjemløs i et halvt år. I dag er jeg 26, har job og bor i "
    "en lejlighed. Nu vil jeg gerne læse videre. Kan jeg få SU og beholde min lejlighed?",
    # Suicidal thoughts "i perioder" (at times), stable now.
    "Kære Puk. Min søn på 24 har været indlagt på psykiatrisk afdeling flere gange og har haft selvmordstanker i "
    "perioder. Nu har han det stabilt og bor i en bostøttebolig. Han vil gerne have sin egen lejlighed. Hvem skal vi "
    "kontakte?",
    # Sofas last winter, a room now.
    "Kære Puk. Min datter på 20 sov på sofaen hos veninder i et par måneder sidste vinter, men nu har hun fået et "
    "værelse. Hun har svært ved at betale huslejen. Kan hun få boligstøtte til et værelse?",
    # Sleeping somewhere "nu" (now) is not a night without a bed; "i nat" (tonight) is.
    "jeg sover hos min kæreste nu og har det fint, hvordan søger jeg en ungdomsbolig",
], Urgency.NONE)


test_violence_denied_or_not_done_to_a_person_is_not_an_emergency = expect([
    ("Dear Carolyn: My husband and I fight about money again and again. He never hits me or anything, he just goes "
     "quiet for days. I'm tired of it. Should we see a counsellor, and what happens to our flat if we split up?", "en"),
    ("Kære Puk. Min kæreste og jeg skændes tit, og i går smækkede han med døren og gik. Han har aldrig været "
     "voldelig. Jeg er 24 og vi bor i hans lejlighed. Hvad sker der med mig, hvis vi går fra hinanden?", "da"),
    ("Dear Amy: My 16-year-old son watches violent movies all the time and plays violent games. My husband says it's "
     "normal. Should we set limits? He is a good kid and does well at school.", "en"),
], Urgency.URGENT, how="at most")


def test_violence_said_as_going_on_in_a_letter_is_still_an_emergency() -> None:
    letter = ("Dear Amy: My husband and I fight about money again and again. Last night he hit me and I'm scared of "
              "what he will do when he comes home. I'm 24 and we live in his flat with our baby. Where can we go, and "
              "will I lose everything if I leave him?")
    assert triage(letter, "en").urgency is Urgency.EMERGENCY


def test_asking_whether_to_move_by_choice_is_not_thrown_out() -> None:
    from bot.triage import by_rules

    text = "My roommate's boyfriend carries a gun when he stays over. Should I find another place to live?"
    assert "thrown_out" not in by_rules(text, "en").reasons


test_turning_18_at_home_or_out_of_a_band_is_not_urgent = expect([
    ("Kære Puk. Min søn fylder 18 i næste uge og bor hos os. Han vil gerne skrives op til en ungdomsbolig. Hvordan "
     "gør man, og hvor lang er ventetiden i Aarhus?", "da"),
    ("Dear Annie: my grown son was kicked out of his band last month and he is very down about it. He lives in his "
     "own flat and has a job. How do I cheer him up?", "en"),
], Urgency.NONE)


def test_an_end_date_with_the_next_home_arranged_is_not_an_eviction() -> None:
    from bot.triage import by_rules

    text = ("Hi, our lease ends on Friday and we are moving to a bigger flat on Saturday. The landlord says we have "
            "to be out by noon. Do we need to clean professionally to get the deposit back?")
    assert "eviction_soon" not in by_rules(text, "en").reasons
    assert "eviction_soon" in by_rules("fogeden kommer på fredag og jeg skal være ude", "da").reasons


test_young_people_in_general_a_chosen_life_or_someone_elses_past_is_not_urgent = expect([
    "Dear column, I work at a youth shelter and many of the young people we see sleep on friends' sofas before they "
    "come to us. What advice can I give them about applying for housing quickly?",
    "Dear Annie: my nephew is homeless by choice, he says, and travels around the country in a van. He is 28 and "
    "seems happy. My sister worries constantly. Should she try to change his mind?",
    "Dear column, my girlfriend's parents threw her out when she was 18 and she has had no contact with them since. "
    "We have been together for five years and live together. Should she invite them to our wedding?",
], Urgency.NONE, lang="en")


# "flyttet hjemmefra" (moved out) is one letter from "flygtet hjemmefra" (fled from home): a word spelled
# right is not a typo of another.
test_moved_away_from_home_is_not_fled_from_home = expect([
    "Jeg er 17 og flyttet hjemmefra, kan jeg få SU?",
    "Kære Puk\nMin søn på 20 er flyttet hjemmefra og bor nu i en lille lejlighed sammen med sin kæreste. Han har "
    "fået job i et supermarked og klarer sig fint, men han ringer næsten aldrig. Jeg savner ham og ved ikke, om jeg "
    "skal ringe oftere eller lade ham være. Min mand siger, at det er helt normalt. Hvad synes du?\nHilsen Mor",
], Urgency.NONE)


def test_fled_from_home_is_still_an_unsafe_home() -> None:
    assert triage("jeg er flygtet hjemmefra og ved ikke hvor jeg skal sove i nat", "da").urgency is Urgency.URGENT
    assert triage("Jeg er 17 og flygtet hjemmefra, kan jeg få SU?", "da").urgency is Urgency.URGENT


def test_lying_awake_at_night_is_sleeplessness_not_a_night_without_a_bed() -> None:
    # A letter of our own: fear of speaking up (a weak sign) and "om natten" with "sovet" added up to urgent.
    text = ("Kære Puk\nJeg er en kvinde på 31, og jeg har et problem med min svigermor. Hver gang vi besøger hende, "
            "kritiserer hun min madlavning og den måde jeg opdrager vores børn på. Jeg er bange for at sige noget, "
            "fordi jeg er bange for at min mand bliver ked af det. Jeg ligger vågen om natten og tænker over det, og "
            "når jeg endelig har sovet, vågner jeg træt. Hvordan siger jeg fra uden at ødelægge familien?\n"
            "Hilsen Træt svigerdatter")
    assert triage(text, "da").urgency is Urgency.NONE



@pytest.mark.parametrize(("text", "lang"), [
    ("Det er ikke trygt for mig at bo hjemme længere. Kan I hjælpe?", "da"),
    ("since my stepdad moved in, it is not safe for me to live at home; what are my options at 19?", "en"),
    ("ugh, mum's boyfriend is back and honestly it's not safe at home, can my sister and I go somewhere", "en"),
])
def test_a_home_said_to_be_unsafe_is_urgent(text: str, lang: str) -> None:
    # Messages of our own: a home said in so many words to be unsafe is no safe place to sleep.
    assert triage(text, lang).urgency is not Urgency.NONE
    assert "unsafe_home" in triage(text, lang).reasons


test_an_unsafe_home_told_as_the_past_or_asked_about_is_not_urgent = expect([
    ("It was not safe at home when I was little, but now I live with my aunt and I'm fine", "en"),
    ("Is my flat safe to live in if the ceiling has mould and leaks?", "en"),
    ("Hvis det ikke er sikkert at være hjemme, hvad gør man så?", "da"),
], Urgency.NONE)


test_deliberating_whether_to_throw_someone_out_is_not_being_thrown_out = expect([
    # Messages of our own: the parents who would throw a grown son out ask whether to; nothing is done yet.
    ("Dear Amy: Our son is 24, has no job and plays video games until dawn in our basement. My wife wants to kick "
     "him out, but I think he deserves one more chance to find work. He pays nothing toward the household. Who is "
     "right? -- Divided Dad", "en"),
    ("Skal vi smide ham ud?", "da"),
], Urgency.NONE)


def test_sleeping_by_day_and_working_nights_is_a_habit_not_a_night_without_a_bed() -> None:
    # "om natten" (at night, as a habit) with sleep read as "natten" (tonight) and no bed.
    text = ("jeg kører taxa om natten og sover til langt op ad formiddagen, larmer det for naboerne hvis jeg "
            "støvsuger kl 14?")
    assert triage(text, "da").urgency is Urgency.NONE


test_on_the_street_is_a_night_outside_only_with_a_night_or_sleep = expect([
    # "on the street" is where a van is parked or a flat is; it was typo-matched to "on the streets" (homeless).
    ("we parked the van out on the street by the flat", Urgency.NONE),
    ("the van is parked on the street, can I get a parking permit?", Urgency.NONE),
    ("our flat is on the street behind the school", Urgency.NONE),
    # A night there is still a night without a bed.
    ("I sleep on the street, no bed", Urgency.URGENT),
    ("sleeping on the street again tonight", Urgency.URGENT),
], lang="en")


# The learned model read these as urgent (one as an emergency): the team was pinged that it "sounds serious".
test_asking_whether_anyone_has_read_the_case_is_a_wait_not_a_crisis = expect(["godmorgen, har nogen kigget på min sag?",
                                  "har nogen overhovedet læst min sag endnu?", "has anyone seen my message",
                                  "did anyone read my case yet?"], Urgency.NONE)
