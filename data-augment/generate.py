#!/usr/bin/env python3
"""Writes src/main/resources/parley/augment/parley_augment.jsonl: Parley's own hand-written supplement.

Every sentence below was written for Parley (no third-party text). Rows carry only the label keys they
assert; split is assigned by Corpus (hash of the text: 80/10/10). Re-run after editing: python3 data-augment/generate.py
"""
import json, itertools, os

ALL0 = dict(toxic=0, hate=0, insult=0, threat=0, obscene=0)
rows = []
def add(text, **labels):
    rows.append({"id": f"aug-{len(rows)}", "text": text, "labels": labels, "meta": {"source": "parley"}})

# 1. short explicit threats and calls for violence against a person (threat, toxic)
person_threats = [
    "I will kill you", "i'm going to kill you", "I will find you", "I know where you live", "you're dead",
    "you are dead meat", "watch your back", "I'll break your legs", "I will hurt you", "I'll beat you up",
    "I'm coming for you", "sleep with one eye open", "I will end you", "I'll shoot you", "I'll stab you",
    "someone should shoot him", "someone should kill her", "he deserves a bullet", "hang him", "string him up",
    "I hope you die", "I hope someone kills you", "go die", "die in a fire", "kill yourself", "I'll make you bleed",
    "I will burn your house down", "we know where your kids go to school", "you won't see tomorrow",
    "I'll put you in the ground", "next time I see you you're dead", "I'm going to smash your face in",
    "I'll slit your throat", "I will rape you", "I'll choke you", "put a bullet in his head", "shoot him",
    "beat her until she can't walk", "he should be executed", "lynch him", "I'll wait for you outside", "you're next",
]
for t in person_threats:
    add(t, toxic=1, threat=1, hate=0)
# 2. calls for violence against groups or places (threat, hate where a group is named, toxic)
verbs = ["kill them all", "bomb them", "nuke em", "shoot them all", "burn them all", "gas them", "hang them all",
         "wipe them out", "exterminate them", "round them up and shoot them"]
for v in verbs:
    add(v, toxic=1, threat=1)
    add(v + "!", toxic=1, threat=1)
groups = ["immigrants", "muslims", "jews", "refugees", "gays", "the blacks", "christians", "mexicans", "arabs", "women"]
group_calls = ["kill all {g}", "{g} should be shot", "bomb the {g}", "we need to exterminate {g}", "hang the {g}",
               "line the {g} up and shoot them", "{g} deserve to die", "burn down their mosque"]
for g, tmpl in itertools.product(groups, group_calls[:6]):
    add(tmpl.format(g=g).replace("the the", "the"), toxic=1, threat=1, hate=1)
add("burn down their mosque", toxic=1, threat=1, hate=1)
add("burn the synagogue down", toxic=1, threat=1, hate=1)
add("bomb the embassy", toxic=1, threat=1)
add("blow up the parliament", toxic=1, threat=1)
# 3. violence in a news, historical or everyday sense: not a threat, not toxic
news = [
    "the bomb went off in the market", "a car bomb killed twelve people in the capital", "police shot the suspect",
    "the gunman was killed by police", "three people were stabbed outside the station", "the army bombed the bridge",
    "he was sentenced for the murder of his wife", "the film is about a hitman", "this game lets you kill zombies",
    "I killed it at the gym today", "that comedian killed last night", "my feet are killing me",
    "the attack left 40 dead", "the shooting happened at 3 am", "survivors of the bombing spoke today",
    "the war killed millions", "how do we stop gun violence?", "the victims deserve justice",
    "she died peacefully at home", "my grandfather fought in the war", "the hurricane destroyed the town",
    "kill the process and restart it", "I could kill for a coffee right now", "this traffic is murder",
    "the killer was arrested", "terrorists attacked the hotel", "the report counts hate crimes against muslims",
    "the execution was postponed", "they were hanged in 1946 after the trials", "the nuke test was condemned",
    "firefighters put out the fire", "the knife attack shocked the city", "threats against journalists are rising",
    "he threatened to quit the team", "the sniper scene in that movie is great", "we shot the video in one take",
    "bomb disposal experts were called", "the police are investigating the death threats", "stop the violence",
    "violence is never the answer", "the suspect was shot dead", "he was beaten by a mob, this is horrible",
]
for t in news:
    add(t, **ALL0)
# 4. ordinary short comments: clean and not spam
clean = ["great article", "thanks for sharing", "I disagree with this", "well said", "good point", "nice",
         "this is so true", "interesting read", "what a game", "lol", "agreed", "not sure about that",
         "can someone explain?", "love this", "first", "wow", "so sad", "congratulations!", "totally agree",
         "this is wrong", "source?", "the author makes a fair case", "I had no idea", "beautiful photos",
         "the mayor should resign", "this policy is a disaster", "terrible refereeing", "worst decision ever",
         "I voted for her", "the prices are too high", "brilliant", "hmm", "ok", "yes", "no", "why?",
         "happy birthday!", "this made my day", "the team played badly", "I hate mondays", "I hate this weather",
         "I don't hate anyone", "nobody deserves that", "rest in peace", "stay safe everyone"]
for t in clean:
    add(t, spam=0, **ALL0)
# 5. short spam comments (spam only; toxicity unknown)
spam = ["check out my channel", "subscribe to my channel please", "check my channel", "sub to me and I'll sub back",
        "visit my website www.cheap-pills.example", "earn $500 a day from home, click the link", "free followers at bit.ly/xyz",
        "follow me on instagram", "check out my new video", "I make music, please check my soundcloud",
        "buy cheap viagra online", "click here to win an iphone", "make money online fast dm me",
        "best crypto signals join my telegram", "like this comment if you want free robux"]
for t in spam:
    add(t, spam=1)
# 6. negated or condemning statements (not hate, not toxic)
condemn = ["I don't hate {g}", "hating {g} is stupid and wrong", "attacks on {g} must stop",
           "people who call {g} vermin are disgusting", "there is no excuse for violence against {g}"]
for g, tmpl in itertools.product(["immigrants", "muslims", "jews", "gay people", "women", "black people"], condemn):
    add(tmpl.format(g=g), hate=0, threat=0)


# 7. more ordinary comments as they appear under news articles and videos: clean, not spam (labels all 0)
more_clean = [
    "The council should publish the full report.", "Finally some good news this week.", "I live near there, it's been chaos all morning.",
    "Who is paying for all this?", "Can't believe they lost again.", "My kids loved the exhibition.", "This is the best explanation I've read.",
    "Respectfully, the numbers in paragraph three are wrong.", "Typo in the headline.", "Thanks, this helped me a lot.",
    "I remember when this street was full of shops.", "The train was late again today.", "Such a sad story, thoughts with the family.",
    "What a goal in the 90th minute!", "Any update on the road closure?", "I'd like to see more coverage of local elections.",
    "This recipe worked perfectly.", "Where can I read the full interview?", "My dad worked at that factory for 30 years.",
    "I'm not convinced, but it's an interesting argument.", "The photos are stunning.", "We need more bike lanes.",
    "Great job by the volunteers.", "Prices at the market have doubled.", "Happy to see the park reopened.",
    "I watched this three times", "my favourite song", "this song never gets old", "who is watching in 2024?",
    "the drummer is amazing", "my mum cried watching this", "my dog loves this song", "I love my neighbours",
    "my brother lives there", "my family is from that village", "we visited last summer", "so proud of my daughter",
    "😂😂😂", "👍", "❤️❤️", "🙏", "🔥🔥🔥", "👏👏", "😢", "😂 so true", "lol same", "haha brilliant", "omg",
    "yes!!!", "no way", "true", "exactly", "this", "+1", "same here", "me too", "bravo", "well done", "thank you",
    "The bombing campaign in 1944 destroyed the old town.", "The article describes how the attack unfolded.",
    "A man was killed in a crash on the motorway.", "The hostage crisis ended without deaths.",
    "They shot the final scene in Iceland.", "He was found guilty of threatening his neighbour.",
    "Experts warn of rising hate crime.", "The documentary about the genocide is hard to watch but important.",
]
for t in more_clean:
    add(t, spam=0, **ALL0)
# 8. identity mentions in everyday, positive or neutral sentences (templates differ from the fairness test set)
ids = ["Muslim", "Jewish", "Christian", "Black", "Asian", "Mexican", "Arab", "gay", "lesbian", "trans", "disabled",
       "immigrant", "refugee", "Hindu", "Sikh", "Latina", "Indigenous", "deaf", "queer", "African"]
id_templates = ["Proud of my {g} heritage.", "The {g} festival this weekend was lovely.", "Our {g} colleague won the award.",
                "She is the first {g} judge on the court.", "I married a {g} man and we are very happy.",
                "The {g} students organised a charity run."]
for g in ids:
    for t in id_templates:
        add(t.format(g=g), spam=0, **ALL0)

# 9. explicit derogation of a group (hate, toxic) and its negated / condemning counterparts (not hate)
derog_groups = ["women", "immigrants", "muslims", "jews", "black people", "gay people", "trans people", "refugees",
                "mexicans", "disabled people", "asians", "arabs", "christians", "gypsies", "foreigners"]
derog = ["I hate {g}", "I really hate {g}", "{g} are disgusting", "{g} are vermin", "{g} are animals", "{g} are scum",
         "all {g} are criminals", "{g} are a disease", "{g} should not be allowed to vote", "{g} are subhuman",
         "{g} make me sick", "get these {g} out of our country"]
not_derog = ["I don't hate {g}", "I would never say {g} are disgusting", "saying {g} are vermin is hateful",
             "{g} are not animals, they are people", "I'm tired of people treating {g} like criminals"]
for i, g in enumerate(derog_groups):
    for j, t in enumerate(derog):
        if (i + j) % 2 == 0:  # half of the pairs: enough signal without memorizing every combination
            add(t.format(g=g), toxic=1, hate=1, threat=0)
    for j, t in enumerate(not_derog):
        if (i + j) % 2 == 0:
            add(t.format(g=g), hate=0, threat=0)
# 10. more direct threats and wishes of harm against a person (threat, toxic)
for t in ["I will murder your family", "I'm going to murder you", "I will hunt you down", "kys", "go kill yourself",
          "you deserve to be shot", "I hope you get raped", "I'll cut your throat", "I will beat you to death",
          "you'll pay for this with your life", "I'm going to burn your car", "I'll find your family",
          "one day someone will shoot you", "your days are numbered", "I will make sure you suffer"]:
    add(t, toxic=1, threat=1)

# 11. tough politics about immigration, crime and punishment: strong opinions, not threats (threat 0 only; whether
#     such a sentence is hateful depends on context, so the hate label stays unknown)
for t in ["we should deport all illegal immigrants", "deport them", "close the borders now", "stop all immigration",
          "send them back", "build the wall", "vote them out", "lock him up", "throw him in jail", "fire the manager",
          "sack the coach", "ban him from the league", "he should resign today", "impeach the president",
          "abolish the police", "defund the army", "bring back national service", "arrest the whole board",
          "they should all be sacked", "jail the bankers", "tax the rich", "boycott their products",
          "cancel his contract", "kick them out of the party", "the death penalty should come back"]:
    add(t, threat=0)
# 12. harm threatened through a combined phrase ("I know where you live and ...") and short wishes of death
for t in ["I know where you live and I will find you", "I know where you live and I'm coming",
          "I found your address, see you soon", "we know where you work", "I hope your family dies",
          "I hope you get cancer and die", "someone should put you down like a dog", "you should be shot",
          "you need a bullet", "I'll get you for this", "you'll regret this, I promise", "count your days",
          "i will smash ur head", "ill kill u", "gonna shoot u", "u r dead", "kill urself", "kys loser",
          "neck yourself", "drink bleach"]:
    add(t, toxic=1, threat=1)
# 13. derogation phrased as questions, opinions or "typical" remarks (hate, toxic); non-protected targets insulted
#     (toxic, insult, not hate); profanity without a target (obscene, not hate, not a threat)
for g in ["women", "immigrants", "muslims", "jews", "black people", "gay people", "trans people", "disabled people"]:
    for t in ["why are {g} so stupid?", "{g} are all the same, worthless", "typical {g}, always lying",
              "I think {g} are inferior", "{g} can't be trusted with anything", "no one wants {g} around"]:
        add(t.format(g=g), toxic=1, hate=1, threat=0)
    for t in ["I love {g}", "{g} are part of this community", "some of my best teachers were {g}", "{g} deserve respect",
              "why do people attack {g}?", "many {g} live in my street"]:
        add(t.format(g=g), toxic=0, hate=0, threat=0, insult=0)
for t in ["the referees are idiots", "this government is full of clowns", "the board are a bunch of morons",
          "politicians are all liars", "the developers are clueless", "you are an idiot", "what a moron",
          "shut up you fool", "you're pathetic", "nobody cares about your stupid opinion"]:
    add(t, toxic=1, insult=1, hate=0, threat=0)
for t in ["oh shit, I missed the bus", "fuck yeah, we won!", "holy shit that goal", "damn, this is good",
          "that was a fucking great concert", "shit happens"]:
    add(t, obscene=1, hate=0, threat=0, insult=0)
# 14. short personal comments that mention channels, links, following or money without advertising (not spam)
for t in ["I follow this channel every week", "my channel got hacked last year, be careful", "I subscribed after the last article",
          "the link in the article is broken", "where can I donate to the family?", "my son saved up for months to buy it",
          "I make pottery as a hobby", "we followed the river to the old mill", "my website is down again, annoying",
          "click on the map to see more", "I lost money on crypto, never again", "my daughter just started her own bakery",
          "I have watched all of his videos", "thanks for the link", "the music in this video is great",
          "I'm a nurse and I agree", "I work from home too", "my husband and I watched it together",
          "I had the same experience", "me and my friends loved it"]:
    add(t, spam=0, toxic=0)

# 15. readers of a news site talk about subscriptions, paywalls, newsletters and sources: not spam (the only spam data
#     is YouTube's, where "subscribe" and "channel" are almost always advertising)
for t in ["I cancelled my subscription after this article", "subscribers deserve better reporting than this",
          "why is this behind a paywall?", "I pay for a subscription and still see ads", "been a subscriber since 1998",
          "I renewed my subscription just for the sports coverage", "the newsletter is the best part of my week",
          "can you link the original study?", "here is the council's report: it says the opposite",
          "the source is in the second paragraph", "my parents have subscribed to this paper for decades",
          "I read the print edition every morning", "the app keeps logging me out of my subscription",
          "please stop sending me the same newsletter twice", "I follow your political coverage closely",
          "the link to the petition is broken", "I shared this with my whole family", "I signed the petition today",
          "the podcast version of this story was great", "thanks to the subscribers who fund journalism like this",
          "I gave my mother a subscription for her birthday", "free articles are fine, but I prefer the paper",
          "your website is so slow on my phone", "the comments section used to be better",
          "I donate to the local food bank every month", "I sell vegetables at the market and prices really are up"]:
    add(t, spam=0, toxic=0)

out = os.path.join(os.path.dirname(__file__), "..", "src/main/resources/parley/augment/parley_augment.jsonl")
with open(out, "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "rows ->", out)
