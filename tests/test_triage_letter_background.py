"""A long ordinary letter that tells background in a crisis's words is not urgent (issue 13).

Held-out real messages showed ordinary letters flagged urgent far more often than the development parts did: a
letter to an advice column tells its story (a diagnosis, the police, a past crisis, a parent's worry about a grown
child, a guest on the sofa) in the words a crisis is made of, and an urgent level needs a danger now. Written in our
own words from the kinds seen on the development parts (never the held-out ones): a threat with its condition after it
("says she will throw him out if it happens again"), someone else's fear that it comes back, sleep as a day's routine
or a doctor's advice, a guest on the writer's own sofa, a story told from a distance ("at my worst", "two years on",
"when I became homeless"), nowhere to go as a habit ("when this happens"), a fear of how one is seen or of opening old
wounds. Letters with a danger now stay urgent.
"""

from __future__ import annotations

from bot.triage import Urgency
from tests.triage_cases import expect

ORDINARY = [
    # A mother who asks whether her grown daughter eats and sleeps, afraid it happens again.
    "Kære brevkasse. Jeg er 23 og læser på universitetet. Sidste år havde jeg en depression og var indlagt på "
    "psykiatrisk i tre uger, fordi jeg havde det rigtig skidt. I dag har jeg fået det godt igen og deler en "
    "toværelses med min kæreste. Mit problem er, at min mor hele tiden ringer og spørger om jeg spiser og sover. Hun "
    "er bange for at det hele gentager sig til vinter. Hvordan får jeg hende til at slappe af uden at såre hende?",
    # A threat with its condition after it.
    "Dear Ask Amy, our nephew is 19 and got arrested last month for shoplifting. The officers sent him home with a "
    "caution. His mother, my sister, is furious and says she will throw him out if it happens again. He is a sweet "
    "kid who made a dumb choice. My husband and I have a spare room and wonder if we should offer it to him in case "
    "things blow up at home. Would that undermine my sister?",
    "Hi Annie, my partner and I are planning to share a flat after Easter. My family is very traditional, and my "
    "father says he would kick me out of the family if we live together before the wedding. I am 24 and already cover"
    " my own rent, so a roof is not the worry. Still, he walked me to school every day for ten years and I want him "
    "near me on the big day. How can I tell him without losing him?",
    # Young people in general, as a youth worker meets them.
    "Dear Carolyn, I am a youth worker and many of the teenagers I meet have been in foster care or sofa surfed at "
    "some point. One girl I work with keeps telling me about her ex who used to hit her. She has a restraining order "
    "and moved to a new city last year. I feel drained after our sessions. How do I keep caring without burning out? "
    "Is it wrong to ask my manager for fewer cases?",
    # A parent's son, homeless three years ago, with his own flat today.
    "Hej Puk. Jeg skriver på vegne af min søn på 25. Han har ADHD og har tidligere haft et misbrug af hash, og han "
    "har været hjemløs i en periode for tre år siden. I dag har han sin egen lejlighed og et fleksjob, og det går "
    "godt. Men han kan ikke finde ud af at betale regninger til tiden. Kan man få en bisidder eller hjælp til "
    "økonomien fra kommunen?",
    # A landlord who does not want to evict.
    "Dear Harriette, I am a landlord with a young tenant who is two months behind on rent. She told me her mother is "
    "sick and she has been sending money home. I don't want to evict her, she is a good tenant and always kind. But I"
    " have my own mortgage. Is there any way I can point her to help so we both come out of this okay?",
    # Nowhere to move to if a partner asks, while allowed to stay.
    "Hej brevkasse. Min kæreste og jeg har boet sammen i to år, og nu vil hun gå fra mig. Lejligheden står i hendes "
    "navn. Jeg har ikke nogen steder at flytte hen, hvis hun beder mig om at flytte, men hun siger jeg kan blive til "
    "jeg har fundet noget. Jeg er 26. Hvordan finder man en billig bolig hurtigt i Aarhus, og hvor lang ventetid er "
    "der?",
    # Testimonies told from a distance.
    "When my mum died I had no one. I was sleeping on a mate's sofa and drinking too much. The hostel gave me a key "
    "worker who actually listened. Two years on I have a flat of my own and I volunteer there on Thursdays.",
    "At my worst I was sofa surfing and sleeping in stairwells, and I honestly thought nobody cared. The youth "
    "service found me a room within a week. I'm telling my story so other young people know help exists, and that "
    "asking is not weak. Ring the number on the back of this leaflet.",
    "I speak at schools about the year I spent without a home. When I became homeless I was too ashamed to tell my "
    "teachers, so I kept turning up to class as if nothing had changed. Please talk to someone if that is you, "
    "because people really do want to help, and nobody in my class would have laughed.",
    # A guest on the writer's own sofa.
    "Dear Annie, my husband's brother is staying with us for a few weeks after his marriage broke down. He sleeps on "
    "our sofa and spends the evenings drinking beer. I feel sorry for him but our kids need their living room back. "
    "When is it fair to ask a guest to find his own place?",
    # Nowhere to go as a habit.
    "My stepdad and my mum have loud rows most weekends and I have nowhere else to go when this happens, so I put my "
    "headphones on and revise in my room. It is not dangerous, just exhausting. I am 20 and saving for a deposit. How"
    " do people my age find a cheap room to rent quickly in a big city without a guarantor?",
    # Sleep as a doctor's advice, and a fear of how one is seen.
    "Kære Puk. Jeg er 24 og har for nylig fået en diagnose med angst og depression. Min psykiater siger jeg skal "
    "passe på mig selv og sove nok. Jeg har et job, en lejlighed og gode venner, men jeg skammer mig over diagnosen. "
    "Skal jeg fortælle min chef om det? Jeg er bange for at blive set anderledes på.",
    # Homeless years ago, made up since; afraid of opening old wounds.
    "Hi Mariella, eight years ago I was homeless for a few months after a huge row with my stepfather about money. We"
    " have since made up and I cook Sunday lunch for him and Mum once a month. Now my nephew is clashing with his own"
    " dad in much the same way. I want to warn my brother about where it can lead, but I'm afraid of opening old "
    "wounds at our family table. Any advice?",
]

URGENT = [
    "Hello, I came back from my shift this evening and the landlord had changed the locks on my room and put my stuff"
    " in the hallway. He claims the rent came late, but I paid him in cash last week. My phone is at ten percent and "
    "I have twenty pounds. I turned 20 in May and only moved to this town in the spring. Where can I sleep tonight, "
    "and can he even do this?",
    "Kære brevkasse. Jeg er 18 og min mor har smidt mig ud i aftes efter et skænderi. Jeg har sovet på en bænk i "
    "parken i nat, og min telefon er næsten død. Jeg ved ikke hvem jeg skal ringe til, og jeg har ingen penge til "
    "mad. Min far bor i Jylland og vil ikke have noget med mig at gøre. Hvad gør jeg nu, hvor kan jeg sove i aften?",
    "Hi, I need advice fast. My daughter is 17 and she called me an hour ago from a train station. Her boyfriend "
    "threw her out of his flat and she has nowhere to sleep tonight, and I live four hundred miles away and cannot "
    "drive there before tomorrow. She has no money on her card. Who can I call right now to get her somewhere safe "
    "for the night?",
    "Dear Sara, I have been staying on my cousin's couch for three weeks since my landlord kicked me out, and "
    "yesterday she told me I have to leave by Friday. I have called every shelter in town and they are all full. I am"
    " nineteen, I have a job interview next week and I really do not want to end up in my car. Where can I go?",
    # The words told apart above, beside a danger now.
    "Jeg er 19 og har sovet på en vens sofa i to uger, efter min kæreste smed mig ud. I dag sagde han at jeg skal "
    "være ude på fredag. Jeg har ingen penge og ved ikke hvor jeg skal sove bagefter. Det sker igen og igen for mig, "
    "og jeg er så træt af det. Hvor kan jeg henvende mig?",
]


test_an_ordinary_letter_with_background_is_not_urgent = expect(ORDINARY, Urgency.NONE, min_words=40)


test_a_letter_with_danger_now_stays_urgent = expect(URGENT, Urgency.URGENT, how="at least", min_words=40)
