"""An emergency needs danger now, said or clearly implied (issue 13). Suicide asked about ahead ("what happens if I
tell my doctor I'm suicidal?"), violence told as over behind a restraining order ("now he has a restraining order"),
the writer hitting back ("he knows I'll hit him back"), a story told in its place and time ("It was in Odense where
...", "more than ever before or since"), and a letter's background (a suicide prevention line, someone's suicide, a
habit or a stay told as over, help that worked, people in general, a relationship that ended), and words of force
said of everyday life (a parent's rules, sex two partners have, a cut on the knives at work), and a guide's general
question ("talking to your son about suicide", "myths and facts") are not an emergency;
each was one before. A danger now stays one: a question asked with tonight, a suicide said before the question,
violence after or despite the restraining order, thoughts still here, a blow this morning ("morning" was read as the
Danish "mobning", bullying, and took the blow back).

Found on the real messages' development parts (tests/data/real_messages*.tsv, never the held-out ones) and with probes
of our own; every sentence here was written for this test and is checked against the real-message collections
(tests/corpus.py).
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.corpus import our_own
from tests.triage_cases import expect

# Asked about ahead: what follows from telling it or being it.
ASKED = [
    ("What happens if I tell my psychologist on Thursday that I'm suicidal, will she phone my mum?", "en"),
    ("If I tell the psychologist at my school that I feel suicidal, what happens then?", "en"),
    ("What happens if I tell my doctor I'm thinking about suicide?", "en"),
    ("Will the doctor lock me up in a ward if I say I want to die?", "en"),
    ("Hvad sker der hvis jeg fortæller min læge at jeg har selvmordstanker?", "da"),
    ("Hvad hvis jeg er selvmordstruet, kan jeg så stadig få en ungdomsbolig?", "da"),
    ("Kan de tvangsindlægge mig hvis jeg siger at jeg vil dø?", "da"),
]
# Violence told as over: protection in place after it, or the writer hitting back.
OVER = [
    ("My stepbrother slapped me in March, now he has a restraining order and lives with his mum in Esbjerg.", "en"),
    ("Min kæreste slog mig i foråret. Nu har han fået et tilhold og bor hos sin mor i Jylland.", "da"),
    ("He knows I'll hit him back, so these days my brother only yells at me about the dishes.", "en"),
    ("Han ved, at jeg slår ham tilbage, så nu råber han bare.", "da"),
]
# Told as the past: a story's place as its frame, "never before or since" as no recent days.
PAST = [
    ("It was in Odense where I wanted to kill myself. Today I study in Aalborg and need a dorm room.", "en"),
    ("Det var i Odense, at jeg ville tage mit liv. I dag studerer jeg i Aarhus og søger et kollegieværelse.", "da"),
    ("Back in 2019 I self-harmed more than ever before or since. Now I need a cheaper room.", "en"),
]
# A letter's background: the work against suicide or violence, someone's death, a habit or a stay told as over, help
# that worked, people in general, a relationship that ended.
BACKGROUND = [
    ("I volunteer on a suicide prevention hotline two evenings a week, and I love it. My question is about my student "
     "flat: the landlord wants to raise the rent by 900 kroner from next month and says I must sign a new contract. Is "
     "he allowed to do that in the middle of my lease, and who can I ask about it?", "en"),
    ("Jeg er frivillig i selvmordsforebyggelse to aftener om ugen. Mit spørgsmål handler om min lejlighed: "
     "udlejeren vil sætte huslejen op med 900 kroner fra næste måned og siger, at jeg skal skrive under på en ny "
     "kontrakt. Må han det midt i lejeperioden, og hvem kan jeg spørge om det?", "da"),
    ("After my breakup last winter I was suicidal for a few months, but therapy helped a lot and I am in a much better "
     "place. I now want to move to Aarhus to start at the university, and I wonder how the waiting lists for student "
     "housing work and whether I can sign up before I am accepted.", "en"),
    ("Efter bruddet sidste vinter havde jeg selvmordstanker i nogle måneder, men terapien hjalp, og jeg har det meget "
     "bedre. Nu vil jeg flytte til Aarhus og starte på universitetet, og jeg vil gerne vide, hvordan ventelisterne til "
     "kollegier fungerer, og om jeg kan skrive mig op, før jeg er optaget.", "da"),
    ("My daughter used to cut herself in secondary school. She is 22 now, studies nursing and wants to move closer to "
     "her college, but the rents are so high. Can she get housing benefit on a student grant, and how do we find a "
     "room for her?", "en"),
    ("I was admitted for suicidal thoughts during my first year at uni. I then took a break and lived with my parents. "
     "Now I want to go back to my studies in Odense and need a room from September. Where do I apply, and is there "
     "priority for students who had to pause?", "en"),
    ("Since my uncle's suicide my aunt has been renting out his old flat. She has offered it to me for a low rent, but "
     "without a written contract. I'm 21. Is that a risk for me, and what should a proper contract include?", "en"),
    ("My ex hit me several times while we were together. I left him in the summer and now share a flat with two "
     "friends. My name is still on the old lease with him though, and he won't pay his half of the rent. What can I "
     "do?", "en"),
    ("Many young people who have experienced violence at home often end up sleeping on friends' sofas. I am writing a "
     "school project about youth homelessness in Denmark. What are the main reasons young people become homeless, and "
     "what help exists?", "en"),
    ("I volunteer at a domestic violence shelter on Saturdays, and one of the residents asked me how to get on a "
     "housing list. She has been at the shelter for three months. Where should I tell her to start?", "en"),
]
# Words of force said of everyday life: a rule at home, sex two partners have, a cut on the knives at work.
EVERYDAY = [
    ("My dad forces me to practise the piano for two hours after school, and I am 16 and fed up with it. When I am 18, "
     "can I rent a room on my own, and what does it cost in Aalborg?", "en"),
    ("Min far tvinger mig til at træne svømning fire gange om ugen. Jeg er 16 og vil gerne bo hos min mor i stedet. "
     "Kan jeg selv bestemme det?", "da"),
    ("My boyfriend and I often have sex with the door open because we share a flat with two others and it gets really "
     "hot in summer. Our flatmates have started complaining. Can they make us move out, and whose name should be on "
     "the lease?", "en"),
    ("I work in a restaurant kitchen and often cut myself a little on the knives, nothing serious. My question is "
     "whether my boss has to pay if I need to see a doctor, and whether I can move into the staff housing they "
     "offer.", "en"),
]
# A guide's general question: how to talk about it, myths and facts.
GUIDE = [
    ("Talking to your teenage son about suicide after a classmate died", "en"),
    ("Hvordan taler man med sit barn på 13 om selvmord, når det har været i nyhederne?", "da"),
    ("Self-harm among students: myths and facts for dorm tutors", "en"),
]
NOT_NOW = [*ASKED, *OVER, *PAST, *BACKGROUND, *EVERYDAY, *GUIDE]

# Danger now: the same words with tonight, a crisis said before the question, violence despite the protection.
NOW = [
    ("What if I kill myself tonight, would anyone at the dorm notice?", "en"),
    ("I want to die, what happens if I tell my doctor?", "en"),
    ("Jeg vil bare dø, hvad sker der hvis jeg siger det til sundhedsplejersken?", "da"),
    ("Jeg har selvmordstanker, hvad sker der hvis jeg fortæller min læge det?", "da"),
    ("He hit me again last night even though we have a restraining order", "en"),
    ("Han slog mig i går selvom vi har et tilhold", "da"),
    ("My dad hits me. We have a restraining order but he keeps coming.", "en"),
    ("Min far slår mig. Han har fået et tilhold men han kommer stadig.", "da"),
    ("He hits me, I hit him back, and I'm scared stiff of going home", "en"),
    ("It was in the hallway where my stepdad punched me this morning", "en"),
    ("I used to be happy but now I just want to die, I can't do this anymore", "en"),
    ("I was admitted for suicidal thoughts last week and they are still here every day", "en"),
    ("He hit me several times while we were together and he keeps coming to my flat and threatening me", "en"),
    ("I called the suicide hotline an hour ago because I want to kill myself", "en"),
    ("Honestly I struggle with suicidal thoughts every single evening in my dorm", "en"),
    # "this morning" is no bullying ("mobning" one letter off): the blow this morning is now.
    ("My stepdad punched me this morning", "en"),
    ("Min kæreste tvinger mig til at have sex med ham, selvom jeg siger nej", "da"),
    ("My boyfriend threatens to hurt me if I refuse to have sex, and he forces me to do it", "en"),
    ("We share a bed and have sex now and then, but lately he slaps me hard when I say no", "en"),
    ("I cut myself with a knife again tonight", "en"),
    ("Lately I keep talking about suicide with my flatmates, and I really mean it", "en"),
]


# Protection in place after violence, and the night still to find a bed for: the home lost stays urgent.
PROTECTED_BUT_HOMELESS = "Min far slog min mor, men nu har vi fået et tilhold, og jeg skal finde et sted at bo i nat."

test_no_danger_now_is_no_emergency = expect(NOT_NOW, Urgency.URGENT, how="at most")
test_a_question_asked_ahead_opens_nothing = expect(ASKED, Urgency.NONE)
test_protection_in_place_keeps_a_home_lost_urgent = expect([PROTECTED_BUT_HOMELESS], Urgency.URGENT, lang="da")
test_a_danger_now_stays_an_emergency = expect(NOW, Urgency.EMERGENCY)
test_the_sentences_are_our_own = our_own(NOT_NOW, NOW, PROTECTED_BUT_HOMELESS)
