"""A past crisis told as a story while the writer is safe now: no crisis now.

Charities' quotes, testimonials and letters that tell how bad it was years ago and then ask a calm question were the
largest cause of ordinary letters flagged urgent on fresh real text: "I was homeless at 17 ... now I have my own flat
and study", "homeless no more", "years ago I slept in a car ... how long does my landlord have to return the
deposit?". The rules read each crisis sentence on its own, and the learned model raised the letter on its crisis
words. Read as a whole (bot/triage.py _told_over ``story_end``, told_over ``opener``, ``goes_on``, ``ended`` in
bot/data/triage.yaml): the crisis signs sit in a part told from later on (a story's opening at or before the last of
them: "when I was 16", "for tre år siden", "my story", "at 17", "that was me"), none in the writer's own present or
beside a recent day or a word that it goes on, and after the last one the letter says it is over or safe now, tells
it as a story, or asks a calm question; nowhere does it ask for help now. Then neither the rules nor the model's letter
raise flag it. A crisis still on ("still", "ever since", "siden da", "igen", "tonight", "kan ende på gaden igen på
fredag", a sofa now, help asked) stays flagged.

Every letter was written for this test (typos kept on purpose) and is checked against the real-message collections
(tests/corpus.py).
"""

from __future__ import annotations

import pytest

from bot.triage import Urgency
from tests.corpus import our_own
from tests.support import Chat
from tests.triage_cases import DETECTED, expect

# Flagged urgent before: the story's crisis read as now.
STORY_OVER = [
    ('"I was homeless at 16 after my dad hit me and I couldnt stay there any more," says Jamie, now 22 and a trainee '
     'chef at a hotel in Leeds. "The hostel gave me a room and a key worker who actually listened. Those first weeks '
     'sleeping in the park were the worst of my life, I thought nobody cared." Today Jamie rents his own studio flat '
     'and mentors other young people who come through the same project.'),
    ("Ten years ago I was one of the kids in your night shelter, I'd been kicked out by my foster carers and had "
     "nowhere to sleep for most of that winter. I was angry at everyone back then. I'm 28 now, I work as a support "
     "worker in a hostel myself and I love it. I'm looking for a course on trauma informed care, do you run any "
     'training or can you recommend one?'),
    ("When you're homeless nobody looks at you. You sleep where you can, in doorways and stairwells, and you never "
     "really sleep because you're scared someone will nick your bag. That was me at 19 after my foster placement ended"
     " and I had nowhere to go. Thanks to the leaving care team I've had my own flat for three years now and I just "
     "finished my first year of an engineering degree. If ur reading this and you're where I was, please reach out."),
    ("I've slept in stairwells, on night buses and on more sofas than I can count. That was four years ago, after my "
     "dad kicked me out for coming out as gay. Today I'm 24, I've got a lovely boyfriend and a flat with a balcony and"
     " a job I actually like at a bookshop. I'm writing because my little cousin just came out too and I want to know "
     'what I can say to my uncle so it goes better for him than it did for me?'),
    ('Jeg har selv prøvet at sove på gaden, det var dengang jeg var 19 og min kæreste havde smidt mig ud af '
     'lejligheden. Jeg sov i opgange og en enkelt gang i et busskur. Heldigvis er det fortid nu, jeg har boet i min '
     'egen lejlighed i tre år og arbejder som sosu-hjælper. Nu vil jeg gerne være frivillig hos jer, hvordan søger man'
     ' om det?'),
    ('For tre år siden flyttede jeg til København for at starte på en uddannelse og boede hos min onkel. Han smed mig '
     'ud efter to måneder fordi jeg ikke kunne betale nok til huslejen. Jeg sov på sofaer hos folk fra klassen og et '
     'par nætter på et herberg, og jeg droppede næsten ud af skolen. Men det hele faldt på plads, jeg fik et '
     'kollegieværelse og har nu et fint studiejob. Mit spørgsmål er om der er boligstøtte at hente til kollegiet når '
     'jeg også får SU?'),
    ('Min historie starter da jeg var 16 og min far smed mig ud efter et slagsmål. Jeg boede på gaden og hos venner i '
     'næsten to år og jeg troede aldrig at det ville ende. Men det er heldigvis overstået nu. Jeg har fået en '
     'ungdomsbolig gennem kommunen og jeg har lige bestået min svendeprøve som tømrer. Jeg deler det her fordi jeg '
     'gerne vil give håb til andre der står i samme situation.'),
    ("Two years ago I was sleeping on the floor of a friend's flat with all my stuff in bin bags, after my step mum "
     'kicked me out the day I turned 18. I felt like a complete failure and stopped going to college. Thanks to the '
     "advice line I found a place in a young persons hostel and then a flat of my own. I'm back at college, I've got a"
     " part time job and for the first time in ages I'm excited about the future. Keep doing what you do x"),
    ('Maya was just 16 when her mother threw her out after an argument about her new boyfriend. For the next eight '
     'months she slept on friends\' sofas, in a tent and sometimes in the waiting room of the bus station. "I felt '
     'invisible," she says. Today, at 21, Maya rents a studio flat, works in a cafe and has started an access course '
     'so she can study social work. She hopes her story will help other teenagers speak up sooner.'),
    ('Jonas var 17 år, da hans mor smed ham ud, fordi hun ikke kunne klare hans vrede længere. Han sov i en kælder og '
     'i opgange i flere måneder og spiste det han kunne finde. I dag er Jonas 23, han bor i sin egen lejlighed i '
     'Aalborg og arbejder som mekaniker. Han fortæller sin historie for at andre unge skal vide, at der findes hjælp, '
     'også når det ser allermest sort ud.'),
    ('Mit navn er Sofie og jeg var bare 16 da jeg flyttede ind på ungdomspensionen. Min mor drak og jeg blev smidt ud '
     'flere gange, til sidst sov jeg i en trappeopgang i tre nætter inden en nabo ringede til kommunen. Det var den '
     'værste tid i mit liv og jeg var bange hele tiden. I dag er jeg 22, jeg har min egen lille lejlighed og læser til'
     ' sygeplejerske. Tak til alle jer der støtter, det gør virkelig en forskel.'),
    ('I was only 17 when I ended up sofa surfing after my dad remarried and his new wife made it clear I wasnt '
     'welcome. For most of sixth form I slept on mates floors and in a tent in my friends garden over the summer. My '
     "grades went down the drain. I'm 25 now, I have a degree and a flat share with two friends. Im thinking of "
     'applying to be a mentor for care leavers, do you need a DBS check for that?'),
    ("It's been four years since I slept in my car in the hospital car park, working nights as a porter and washing in"
     ' the staff toilets because the rent on my old place had doubled. Nobody at work knew. These days I rent a one '
     "bed in Harrow and I've been promoted twice. My question: I want to buy a flat with a help to buy scheme, does it"
     ' matter that I had a county court judgement back then?'),
    ('Amira var 17, da hun flygtede fra et tvangsægteskab og stod på gaden med en plastikpose tøj. De første nætter '
     'sov hun i en vaskekælder og på en bænk ved stationen, fordi hun ikke turde ringe til nogen. Gennem en rådgivning'
     ' fik hun en plads på et skjult krisecenter for unge. I dag er Amira 24, hun arbejder som laborant og bor i sin '
     'egen lejlighed i Vejle. Hun fortæller sin historie, så andre piger ved at der er hjælp.'),
    # A charity's letter to its donors, framed as a story and set at an age, may end in its crisis told in the past.
    ("Dear friends of the Harbour House project, my name is Kasia and I moved into one of your rooms at only 17. I'd "
     'like to share my story so you can see where your money goes. Things at home got so bad with my stepdad that I '
     'couldnt stand it anymore and walked out with a carrier bag, and I spent the autumn sofa surfing with girls from '
     'college. When the last sofa ran out I slept two nights in the laundrette on Mill Street, it was open all night '
     'and warm from the dryers.'),
    ('Kære støtter af Ungehuset. Jeg hedder Mikkel og jeg flyttede ind hos jer som kun 17-årig. Jeg vil gerne dele min'
     ' historie, så I kan se hvad jeres penge gør. Min far drak hver aften, og til sidst kunne jeg ikke holde det ud '
     'og stak af med en rygsæk, og om efteråret sov jeg på sofaer hos venner fra skolen. Da der ikke var flere '
     'sofaer, sov jeg to nætter i et vaskeri der havde åbent hele natten.'),
]

# Read as over before too (kept as guards of the same reading).
ALREADY_OVER = [
    ('When I was 17 my stepdad threw me out after a row about my girlfriend and I ended up sleeping on night buses for'
     ' nearly two months, sometimes in the stairwell of a block of flats near the station when the buses stopped. I '
     'was scared all the time and didnt tell anyone at school becuase I was ashamed. A youth worker at the drop in '
     "centre got me a room in supported lodgings and honestly thats where everything turned around for me. Now I've "
     "got my own little flat, I'm in my second year at college training to be a nurse and I want other young people to"
     ' know there is help out there. Thank you to everyone who gives to the charity, you literally changed my life.'),
    ('For fem år siden boede jeg i min bil i næsten et halvt år, efter at jeg mistede mit job og ikke kunne betale '
     'husleje. Det var en virkelig hård tid og jeg frøs hver eneste nat om vinteren. Nu bor jeg i en lille toværelses '
     'på Nørrebro sammen med min kæreste, og vi har begge fast arbejde. Vores spørgsmål er hvordan vi søger '
     'boligstøtte sammen når det kun er mig der står på lejekontrakten?'),
    ("It's been five years since I left the streets. I was 19, I'd been kicked out after my mum died and my stepdad "
     "sold the house, and for nine months I slept rough around Brighton, mostly on the beach under the pier. I don't "
     "talk about it much these days. I've got a flat, a partner and a cat who hates me. I'm starting a small cleaning "
     'business next month, do I need to register as self employed straight away or can I wait?'),
    ('Some background: years back my ex kicked me out of our flat in the middle of the night and I slept in a bus '
     "shelter, then on a friends couch for a couple of months. That's all behind me now, I've got my own place and a "
     'good job. The thing is, my credit score is still terrible from that time because of the rent arrears he left in '
     'my name. How do I get those removed from my file?'),
    ('Quick one but some context first: back when I was 18 I had to leave my foster placement and ended up sleeping in'
     " a 24 hour mcdonalds and on night buses for about a month, it was honestly the lowest point of my life. I'm 27 "
     "now and I've been in my housing association flat for six years, no arrears ever. They've offered me a swap to a "
     'two bed because my partner moved in, does the new tenancy reset my rights as a tenant?'),
]

# Look like a story told from later, but the crisis is on now: it goes on ("still", "ever since", "siden da"), it is
# back ("igen", "again", "last week"), tonight, a date days ahead, a sofa now, or help asked.
STILL_ON = [
    ("I was kicked out 3 weeks ago by my mum's boyfriend and i still sleep at the station most nights, sometimes on "
     'the benches by platform 4 till the guards move me on. I had a room at my nans for a bit back in the summer but '
     "she passed away and the council took the flat back. I'm 18, I've got no money left on my card and I'm so tired I"
     ' can barely think. what do i do, is there anywhere I can go?'),
    ('For to år siden blev jeg smidt ud og boede på gaden i en periode, men jeg fik en lejlighed gennem kommunen og '
     'troede det hele var ovre. Nu er det sket igen, min udlejer har sat mig ud fordi jeg var bagud med huslejen og '
     'jeg har ingen steder at sove i nat. Jeg har prøvet at ringe til kommunen men de har lukket. Hvad gør jeg?'),
    ('When I was 16 my mum threw me out and I spent months in a hostel, then I got a room in supported housing and '
     "things were finally ok. But they've told me my placement ends on friday because I turned 18 and I have nowhere "
     "to go after that, none of my mates have space. I'm scared I'll be back on the streets."),
    ("Back in 2020 I was homeless for a while and slept in my car. I've been living with my boyfriend for the last "
     "year but last night he hit me in the face and threw my stuff out on the landing. I'm at a friends now but i "
     "can't stay here tonight, her parents said no. I'm scared to go back to him. Can I stay somewhere tonight?"),
    ('Dengang jeg var 15 boede jeg på et opholdssted i et års tid fordi der var vold derhjemme. Nu er jeg 17 og min '
     'mor har smidt mig ud igen i søndags, jeg sover hos forskellige venner men de kan ikke have mig mere. Jeg ved '
     'ikke hvor jeg skal gå hen.'),
    ("Years ago I slept in my car for a while after uni and I got through it, so I thought I'd never be there again. "
     "Now its happening again. I lost my job in october, got evicted last week and I'm sleeping in the car again in "
     "the supermarket car park. It's freezing at night and the heater only works when the engine runs."),
    ('Da jeg var 18 var jeg hjemløs i et halvt år efter min far smed mig ud. Siden da har jeg aldrig rigtig haft et '
     'fast sted at bo, og jeg sover stadig på sofaer hos venner og skifter hver anden uge. Jeg er 21 nu og kan ikke '
     'holde til det mere.'),
    ('I was homeless in 2019 and the council eventually got me a flat, which I thought meant I was safe. But I fell '
     "behind with the rent when my hours got cut and the bailiffs are coming on thursday to change the locks. I'll be "
     'on the street again by the weekend and I dont know who to call.'),
    ('For et år siden flygtede jeg fra min kæreste som slog mig, og jeg boede på et krisecenter i tre måneder. Nu har '
     'han fundet min nye adresse og han står udenfor min dør i aften og banker på. Jeg ryster og tør ikke åbne døren.'),
    ("When I was 17 I slept rough for a few months and promised myself it would never happen again. I'm 19 now and it "
     "feels like it's starting again, my flatmate kicked me out tonight after a row about money and I have nowhere to "
     'sleep. All my stuff is in two bin bags.'),
    ('My story is a bit long. When I was 16 my dad threw me out after he found my weed and I slept at my mates and in '
     "the park. I'm 18 now and I still sleep on sofas most nights, sometimes in the stairwell at my old school. Can I "
     'get housing benefit if I am not on any lease?'),
    ('For to år siden blev jeg smidt ud af min mor da jeg var 17. Siden da har jeg sovet på sofaen hos forskellige '
     'venner og i en periode i en kolonihave. Jeg er 19 nu og arbejder lidt i en butik. Kan jeg få boligstøtte når jeg'
     ' ikke har en lejekontrakt?'),
    ("At 17 I got kicked out by my stepmum. I'm 19 now, and I've been sleeping in my car ever since, mostly in the "
     "retail park behind the big tesco. I'm working part time at a warehouse. Do I need to tell the DVLA my address is"
     ' the car?'),
    ('I was homeless at 16 and my mum eventually let me move back home, which I was really grateful for. Last week she'
     " threw me out again after a fight about my boyfriend and I'm on his sofa for now. Is it legal for her to keep my"
     ' passport and bank card?'),
    ('Som 17-årig boede jeg på gaden i et par måneder, men jeg kom på fode igen og fik et værelse i fremleje. Nu er '
     'jeg 20 og kan ende på gaden igen på fredag, når fremlejen stopper, for jeg har ikke fundet noget nyt. Hvad '
     'koster et depositum normalt på et værelse?'),
    ('Back in 2021 I slept rough for a winter after leaving care, and I was so proud when I got my own flat. Now my '
     "landlord says I must be out by friday because he's selling, and I have nowhere to go. Is he allowed to do that "
     'with hardly any warning?'),
    # "My story" alone, with no time of its own: may be last night's.
    ('Hi, I want to tell you my story because I dont know who else to tell and my phone is nearly dead. My dad threw '
     'me out after a fight about my school reports and I slept in the park by the lake. It was freezing and a man '
     'tried to take my bag while I was asleep on the bench.'),
    ('Jeg vil gerne fortælle min historie, for jeg ved ikke hvem jeg ellers skal sige det til. Min mor smed mig ud '
     'efter et skænderi om min kæreste, og jeg sov i en opgang ved skolen. Jeg rystede hele natten og frøs helt '
     'vildt, og jeg har ikke spist noget siden.'),
]

test_a_crisis_told_as_a_story_now_over_is_not_flagged = expect(STORY_OVER + ALREADY_OVER, Urgency.NONE,
                                                                lang=DETECTED, by="rules and bot", min_words=40)
test_a_story_whose_crisis_is_still_on_stays_flagged = expect(STILL_ON, Urgency.URGENT, how="at least", lang=DETECTED)


@pytest.fixture
def chat(sqlite_engine, make_app) -> Chat:
    return Chat(make_app(sqlite_engine))


def test_a_story_letter_gets_its_topic_answer_not_the_crisis_offer(chat: Chat) -> None:
    chat.command("start")
    (first, *_) = chat.say(STORY_OVER[5])
    assert "112" not in first.text.splitlines()[0], first.text
    assert "kollegi" in first.text.splitlines()[0].lower(), first.text


test_the_letters_are_our_own = our_own(STORY_OVER, ALREADY_OVER, STILL_ON)
