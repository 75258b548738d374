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

# ---------------------------------------------------------------------------------------------------------------
# Sections 16+ were added later; each records how many rows it added (printed at the end).
section_counts = {}
def _mark(name, start):
    section_counts[name] = len(rows) - start
HATE = dict(toxic=1, hate=1, threat=0, obscene=0)
CIVIL = dict(spam=0, **ALL0)

# 16. implicit identity derogation without slurs or swear words (hate, toxic): stereotypes, dehumanising comparisons,
#     calls to restrict rights; and matched rows that mention the same groups neutrally or positively, or criticise
#     a policy, government or organisation rather than a people (not hate, not toxic)
_s = len(rows)
for t in [
    "Muslims can only be ruled with an iron fist, democracy is wasted on them.",
    "People from that part of the world only understand an iron fist, always have.",
    "Immigrants are a disease on society and nobody in charge has the courage to say it.",
    "These migrants are a cancer spreading through every town they settle in.",
    "Refugees are a plague on this country, pure and simple.",
    "Pakistani families breed like rabbits and then expect the taxpayer to raise the kids.",
    "Africans are incapable of civilisation, sixty years of aid has proven that.",
    "Arabs are simply incapable of running a civilised country without a dictator.",
    "Roma are thieves by nature, it is in their blood.",
    "Gypsies don't work, they take. That is their whole culture.",
    "Women are too emotional to be trusted with serious decisions.",
    "Women belong at home raising children, not in parliament.",
    "Honestly, women should never have been given the vote.",
    "Gay men should be kept well away from children.",
    "Homosexuality is a sickness, and gay people need treatment, not rights.",
    "Trans people are mentally ill and the rest of us are forced to play along.",
    "Trans people should be banned from working in schools.",
    "Disabled people are a burden the rest of us are forced to carry.",
    "Disabled people shouldn't be allowed to have children and pass it on.",
    "The Jews run the banks and the newspapers, everybody knows it.",
    "Jews always look after their own at everyone else's expense.",
    "Mexicans come up here to sell drugs and live off welfare.",
    "Nigerians are a nation of fraudsters, every one I've met was running a scam.",
    "Chinese people will eat anything that moves, it's revolting.",
    "Somalis are basically a criminal tribe, they should never have been let in.",
    "Black people are naturally more violent, the crime figures prove it.",
    "Those neighbourhoods are jungles because of the Black families who live there.",
    "Indians are filthy, just look at how they live.",
    "Muslims should not be allowed to hold public office in a Christian country.",
    "No more mosques. Muslims can pray at home or go back.",
    "Hindus are a primitive people who worship cows.",
    "Sikhs can take those turbans off or go home.",
    "Catholics are loyal to Rome first, they can never be trusted with power here.",
    "Christians are a backward, brainwashed people who should be kept out of schools.",
    "Poles are only good for cleaning and building sites, nothing more.",
    "Romanians are pickpockets, the whole lot of them.",
    "Albanians are a criminal people, every gang in this city is theirs.",
    "Turks are a backward people and will never be European.",
    "Afghans treat women like cattle, they don't belong in a civilised country.",
    "Syrian refugees are parasites living off our taxes.",
    "Asylum seekers are leeches, every last one.",
    "Migrants are like locusts, they strip a place bare and move on.",
    "Aboriginal people had forty thousand years and never built anything, says it all.",
    "Indigenous people need to be managed like children because they can't govern themselves.",
    "Autistic kids are defective and drag down normal classrooms.",
    "Deaf people are useless in any real job, why do we pretend otherwise.",
    "People in wheelchairs are a waste of space on the bus.",
    "People with Down syndrome should not be born in the first place.",
    "Lesbians are just broken women who hate men.",
    "Bisexual people are greedy liars who can't be trusted by anyone.",
    "LGBT people are a threat to the family and should be kept out of sight.",
    "The gays are rotting this country's morals from the inside.",
    "Immigrants should not be allowed to vote, not even after twenty years.",
    "Refugees should be kept in camps away from decent people.",
    "Muslim men are all groomers waiting for a chance.",
    "Islam is a disease and every Muslim carries it.",
    "Black people have lower intelligence, that's just biology.",
    "Africans are closer to apes than to us, look at the science.",
    "Mexicans are lazy by nature, they'd rather sleep than work.",
    "Jews are behind every war, they profit from all of them.",
    "Women are biologically inferior and should know their place.",
    "A woman's opinion on economics is worth nothing.",
    "Female drivers should have their licences taken away, the lot of them.",
    "Women only get promoted by sleeping with the boss.",
    "Gay marriage should be banned and gay couples should keep quiet.",
    "Gay people are perverts who want to recruit our kids.",
    "Trans women are men in dresses preying on little girls.",
    "Disabled people are scroungers faking it for benefits.",
    "Mentally ill people should be locked away so the rest of us are safe.",
    "Immigrants multiply like mice and soon there will be none of us left.",
    "The Roma should be removed from every town in Europe.",
    "Travellers are vermin that leave filth wherever they camp.",
    "Muslims are incapable of living peacefully alongside anyone.",
    "Arabs have never contributed anything to humanity except violence.",
    "Every Chinese person here is a spy for Beijing.",
    "Asians can't drive and shouldn't be given licences.",
    "Jews should be barred from working in government.",
    "Black men are only good at sport and crime.",
    "Latinos are a breeding machine for welfare cheques.",
    "Polish workers are a swarm that drives down wages for real citizens.",
    "Ukrainians are just economic migrants pretending to be refugees, send them all back.",
    "Refugee children should not be allowed in the same schools as our children.",
    "Foreigners are stealing everything that was built by our grandparents.",
    "Pakistanis should be banned from owning taxi licences.",
    "Muslim women in headscarves should be fined until they assimilate.",
    "Islam and civilisation cannot coexist, and neither can Muslims and us.",
    "Once a migrant, always a criminal.",
    "The Irish are drunks and layabouts, always have been.",
    "Russians are a nation of slaves who love the whip.",
    "Kurds are a tribe of bandits, nothing more.",
    "Eritreans are bringing disease and crime into our towns.",
    "Jamaicans are all drug dealers, every one of them.",
    "Hindus are dirty people with a dirty religion.",
    "Gay teachers should be fired to protect the children.",
    "Trans people shouldn't be allowed to use any public toilet.",
    "Disabled children are a waste of school resources.",
    "Old people with dementia should be put down rather than cost the NHS.",
    "Blind people have no business being out in public alone.",
    "Muslims are a fifth column inside our country.",
    "Jews are not loyal to any nation but their own tribe.",
    "Africans can't govern themselves, colonialism was the best thing that happened to them.",
    "The only good thing about that religion is when its followers leave.",
    "Women who work are the reason families fall apart.",
    "Women are naturally stupider than men, that's why there are no great female scientists.",
    "Gay people are an abomination and society should shun them.",
    "Immigrants are an invasion force, not people looking for work.",
    "Refugees are cockroaches crawling across the border.",
    "Roma children are raised to steal from birth.",
    "Black people shouldn't be allowed to live in decent neighbourhoods.",
    "Mixed marriages should be banned to keep the race pure.",
    "Interracial couples are polluting our bloodline.",
    "Muslims should carry ID cards so we know where they are.",
    "Every mosque is a terror cell with a prayer mat.",
    "Jews have horns under their hats, my grandfather told me.",
    "The Chinese spread diseases wherever they go.",
    "Mexicans are rapists and drug mules, the lot of them.",
    "Arabs only understand the language of force.",
    "Africans are savages that need to be kept out of Europe.",
    "Immigrants are subhuman and should be treated like livestock at the border.",
    "Lesbian couples should not be allowed to adopt, children deserve normal parents.",
    "Deaf people should be kept out of mainstream society.",
    "People with autism are a burden and should be institutionalised.",
    "Transgender people are freaks who need to be hidden away.",
    "Disabled people should be sterilised for the good of the nation.",
    "Muslim refugees should be rounded up and kept in detention until they leave.",
    "Pakistanis are groomers, every community they move into suffers.",
    "Sikhs and Muslims are all the same to me, foreigners who don't belong.",
    "Black people are genetically predisposed to crime.",
    "Asians are robots who copy everything and invent nothing.",
    "Jews control both sides of every election.",
    "Roma are a parasite race living off Europe.",
    "Hispanics are ruining every city they move into.",
    "Immigrants are like weeds, let one in and they take over the garden.",
    "Women shouldn't be allowed to hold high office, they crack under pressure.",
    "Gay people should not be allowed to serve in the army.",
    "Disabled people shouldn't be allowed to vote, they don't understand anything.",
]:
    add(t, **HATE)
# a few frames used with a handful of different groups each (not every group in every frame)
for tmpl, gs in [
    ("{g} breed like rats and our towns are paying the price.", ["Muslims", "Gypsies", "Somalis", "Africans"]),
    ("{g} are a disease on society.", ["Muslims", "Travellers", "Jews", "Migrants"]),
    ("{g} are incapable of civilisation.", ["Arabs", "Afghans", "Africans"]),
    ("{g} can only be ruled with an iron fist.", ["Chechens", "Arabs", "Kurds"]),
    ("{g} should lose the right to vote.", ["Women", "Immigrants", "Muslims", "Disabled people"]),
    ("Keep {g} out of our schools and away from our kids.", ["gay people", "trans people", "refugees"]),
    ("There's a reason {g} are hated everywhere they go.", ["Jews", "Gypsies", "Nigerians"]),
    ("{g} are animals dressed up as people.", ["Somalis", "Afghans", "Albanians"]),
]:
    for g in gs:
        add(tmpl.format(g=g), **HATE)
_mark("16 implicit derogation (hate=1)", _s)

_s = len(rows)
for t in [
    "Muslims make up about six percent of the population here, according to the census.",
    "The government's asylum system is slow, expensive and badly run.",
    "This immigration policy was badly designed and the minister should own that.",
    "Most immigrants in this town work in the hospital and the care homes.",
    "Refugees arriving this winter will be housed in the old barracks, the council says.",
    "Pakistani families have run shops on this street for fifty years.",
    "African startups raised more investment this year than ever before.",
    "The Saudi government's record on human rights is appalling.",
    "Arab poets shaped a lot of medieval European literature.",
    "The Roma community centre is offering free English classes on Tuesdays.",
    "Travellers' sites have been cut by half in the last decade, which the report says causes more conflict.",
    "Women now make up forty percent of the new parliament.",
    "The women's team drew a bigger crowd than the men's on Saturday.",
    "My daughter wants to be an engineer and I couldn't be prouder.",
    "Gay couples have been able to marry here since 2014.",
    "The LGBT youth charity lost its funding, which is a shame.",
    "Trans people face long waits for healthcare, the article says up to five years.",
    "Disabled people still can't use half the train stations in this region.",
    "The disability benefits reform is a mess and the assessors are badly trained.",
    "The Jewish museum has a new exhibition on the history of the market quarter.",
    "Our rabbi and the local imam run a food bank together every Friday.",
    "Mexican food trucks are the best thing to happen to this downtown in years.",
    "My Nigerian colleague taught me more about accounting than my degree did.",
    "The Chinese government's censorship is a disgrace, and ordinary Chinese citizens suffer most from it.",
    "Somali elders in the neighbourhood organised the vigil.",
    "Black women are still underrepresented on company boards, the survey shows.",
    "Indian cuisine is much more varied than the curry house menu suggests.",
    "Muslims, Christians and Jews all served on the council's interfaith panel.",
    "The planning committee rejected the mosque extension over parking, not religion.",
    "Hindus celebrated Diwali in the square last night, the lights were beautiful.",
    "Sikh volunteers fed hundreds of people after the floods.",
    "The Catholic Church covered up abuse for decades and the bishops must answer for it.",
    "Christian charities run most of the night shelters in this city.",
    "Polish builders did our extension and did a great job.",
    "Romania's anti-corruption drive has stalled, according to the EU report.",
    "Albania's government has struggled with organised crime, but so have plenty of others.",
    "Turkey's president has jailed journalists, and that should worry everyone.",
    "The Taliban's ban on girls' schooling is cruel, and Afghan women are its victims.",
    "Syrian refugees have opened three new businesses on the high street.",
    "Asylum seekers are not allowed to work while their claims are processed, which seems counterproductive.",
    "Migrants who crossed the Channel last year numbered about thirty thousand.",
    "Aboriginal rock art is some of the oldest art on the planet.",
    "Indigenous land rights should be settled in court, not by decree.",
    "Autistic kids need proper support in class, and the budget cuts make that impossible.",
    "Deaf actors should be cast in deaf roles, good on the director.",
    "Wheelchair users can't get onto the new trams, which is a planning failure.",
    "People with Down syndrome are living much longer thanks to better healthcare.",
    "Lesbian couples face extra paperwork to register both parents, which is absurd.",
    "Bisexual people often report feeling invisible in both communities, the study says.",
    "The Pride march passed off peacefully with about twenty thousand people.",
    "The new law lets immigrants who have lived here ten years vote in local elections.",
    "Refugee camps on the border are overcrowded and aid agencies are asking for help.",
    "Islamist terrorism is a real threat, and most of its victims are Muslims.",
    "The Israeli government's settlement policy is illegal under international law.",
    "Hamas's attack on civilians was a war crime, and so is starving Gaza.",
    "Criticising the Iranian regime is not the same as hating Iranians.",
    "The Russian government lied about the invasion from day one.",
    "Ordinary Russians who protested the war were arrested in their thousands.",
    "The Indian government's new citizenship law has been criticised by the UN.",
    "The Vatican should open its archives on the subject.",
    "The mosque's leadership should have reported the preacher sooner.",
    "The synagogue's security bill has tripled, which tells you something.",
    "Mexico's cartels murder more Mexicans than anyone else.",
    "Nigeria's oil revenue mostly disappears before it reaches ordinary Nigerians.",
    "I think the quota for refugees is too high for a town this size, the schools are already full.",
    "We should cap immigration until there are enough houses, that's a housing argument, not a racial one.",
    "The Church of England's position on same-sex weddings is a muddle.",
    "The bishop's comments about women priests were out of touch.",
    "Female drivers have fewer accidents than male drivers, according to the insurers.",
    "Women earn on average fourteen percent less than men here.",
    "Gay teachers are protected by the same employment law as everyone else.",
    "The trans healthcare review raised real questions about evidence, and they deserve careful answers.",
    "Disabled people have the right to vote, and polling stations need ramps.",
    "Mental illness affects one in four of us at some point.",
    "The Irish pub on the corner does the best Sunday lunch in town.",
    "Russian literature is some of the greatest ever written.",
    "Kurdish fighters lost thousands of lives defeating the militants.",
    "Eritreans make up one of the largest groups of asylum applicants this year.",
    "Jamaican sprinters have dominated the hundred metres for two decades.",
    "Hindu temples across the city opened their kitchens to flood victims.",
    "Blind runners competed in the city marathon with guides this year.",
    "My grandmother came here as a refugee in 1956 and worked as a nurse for forty years.",
    "The Somali restaurant on Station Road is fantastic.",
    "The Jewish Chronicle broke this story before anyone else.",
    "Black history month events are on at the library all week.",
    "Mixed-race families are now one of the fastest growing groups in the census.",
    "Interfaith marriages are more common now than when my parents got married.",
    "Muslim doctors kept the emergency ward running during Ramadan.",
    "The Chinese new year parade was packed this year.",
    "Latino voters split almost evenly in the last election.",
    "Polish is now the second most spoken language in the country.",
    "The Ukrainian families housed here have found work quickly.",
    "Pakistani cricket fans were the loudest in the stadium.",
    "Asian-owned businesses employ thousands of people in this county.",
    "Afghan interpreters who helped our army are still waiting for visas, which is shameful.",
    "Arab scholars preserved Greek philosophy through the middle ages.",
    "The Roma Holocaust is barely taught in schools.",
    "Travellers have a right to legal sites, and councils keep failing to provide them.",
    "The Gypsy and Traveller liaison officer post was cut last year.",
    "Africa has the youngest population of any continent.",
    "Disabled athletes won more medals than the able-bodied team this summer.",
    "The deaf community has its own rich culture and language.",
    "My autistic son just got his first job and loves it.",
    "Hispanic-owned businesses grew faster than any other group last year.",
    "Immigration has both costs and benefits, and the report tries to measure both.",
    "Integration works best when new arrivals can learn the language quickly, so fund the classes.",
    "The detention centre's conditions are inhumane, whoever is held there.",
    "The minister's plan to send asylum seekers abroad is expensive and probably unlawful.",
    "I oppose the new mosque because of traffic on a residential street, and would say the same about a church.",
    "The Orthodox church here has been on this site since 1890.",
    "The Sikh temple's langar serves free meals to anyone who walks in.",
    "Atheists are now the largest single group in the survey.",
    "Religious schools should follow the same curriculum as everyone else.",
    "Nobody should be forced to wear a headscarf, and nobody should be banned from wearing one.",
    "The gender pay gap report is out, and the bank has the widest gap in the city.",
    "The women's refuge needs volunteers and donations of toiletries.",
    "Same-sex couples can now adopt on the same terms as everyone else.",
    "The government's treatment of the Windrush generation was a scandal.",
    "The police response to the riots was slow, and shops owned by migrants were hit hardest.",
    "Census data shows the number of Hindus doubled in twenty years.",
    "About one in five people in this country has a disability.",
    "The trans footballer's case is going to the sports tribunal next month.",
    "The article says Muslims are the most likely group to report discrimination at job interviews.",
    "Jewish students say antisemitic incidents on campus doubled this year.",
    "Black drivers are stopped by police far more often, the inspectorate found.",
    "Asian pensioners were targeted in a string of burglaries, police said.",
    "Refugees are more likely to start businesses than people born here, the study found.",
    "This government has failed immigrants and locals alike on housing.",
    "The opposition's immigration plan doesn't add up either.",
    "The EU's border agency has been accused of covering up pushbacks.",
    "The refugee who won the baking competition deserved it.",
    "My Mexican neighbours threw the best street party of the year.",
    "Chinese students pay most of this university's bills.",
    "Arab-Israeli citizens make up about a fifth of Israel's population.",
    "Kurdish new year is celebrated with bonfires, we went last year.",
    "I'm a gay man and I've lived in this village for thirty years without any trouble.",
    "As a disabled woman I found the new station completely inaccessible.",
    "As a Muslim I'm tired of having to condemn things I had nothing to do with.",
    "I'm Jewish and my family has lived in this town since the 1800s.",
    "As a trans woman I just want to go to work and come home like everyone else.",
    "As an immigrant myself I think the visa fees are far too high.",
    "The Irish government handled the referendum well.",
    "The Indian team bowled brilliantly today.",
    "Nigerian writers are winning every major literary prize at the moment.",
    "Albanian is an unusual language with no close relatives.",
    "Romanian nurses kept our ward going through the pandemic.",
    "Turkish coffee is an acquired taste, but I love it now.",
    "Women have been allowed to vote here for just over a hundred years.",
    "Gay rights were won by people who risked everything, and I'm grateful.",
    "The care system fails disabled children, and the ombudsman agrees.",
    "The Muslim council's statement condemning the attack was read out at every mosque on Friday.",
    "Gypsy and Traveller children have the lowest school attendance of any group, and the report asks why.",
    "The new women's health strategy is welcome but the funding is thin.",
    "Jewish and Muslim students at the university held a joint vigil last night.",
    "Immigrants founded a third of the companies in the city's tech cluster, the chamber of commerce says.",
    "The refugee football team beat the police team four-two in the charity match.",
    "The disability minister has never met the campaigners, which says a lot about the department.",
    "The Hungarian government's law on LGBT content in schools was struck down by the EU court.",
    "Trans athletes and sports bodies are still arguing over the rules, and the article sets out both sides fairly.",
    "Our town has had a Chinese community since the 1880s, when the first laundries opened near the docks.",
    "Somali mothers in the area set up a homework club that now has sixty children.",
    "Black-owned businesses struggle more to get bank loans, even with the same credit scores.",
]:
    add(t, **CIVIL)
_mark("16 same groups, not hate (hate=0)", _s)

# 17. negation: hate expressed by negating something positive (hate, toxic); and negated or denied hate (not hate)
_s = len(rows)
for t in [
    "Immigrants aren't real people to me, they're just numbers to be sent back.",
    "I will never accept a Muslim as my equal.",
    "A woman will never be as capable as a man, no matter what they tell you.",
    "Trans women are not women and never will be, they're men in costume.",
    "Gay couples are not real families and never will be.",
    "No Jew can ever be a loyal citizen of this country.",
    "There is no such thing as an honest Gypsy.",
    "Disabled people don't deserve the same rights as healthy people.",
    "Black people aren't as intelligent as the rest of us, that's not racism, it's reality.",
    "Refugees are not human beings like us, they're a problem to be managed.",
    "I don't consider Muslims to be part of this nation.",
    "Africans are not capable of running anything on their own.",
    "I would never let a Pakistani into my house.",
    "Women don't belong in the boardroom.",
    "Immigrants will never be British, no matter what their passport says.",
    "A Black man will never be my president.",
    "I refuse to treat gay people as normal.",
    "No woman should ever be allowed to preach.",
    "There isn't a single decent Muslim in this city.",
    "Foreigners don't have the right to an opinion about our country.",
    "Jews aren't really white, they're something else.",
    "Disabled kids aren't worth the money we spend on them.",
    "Lesbians aren't real women, just confused ones.",
    "Asylum seekers do not deserve food or shelter from us.",
    "Mexicans aren't Americans and never will be.",
    "The Roma are not Europeans, they never were.",
    "Non-whites cannot be truly part of our nation.",
    "I don't see Asians as equals, they're all the same to me.",
    "Refugees never contribute anything, not one of them.",
    "Migrants aren't fleeing anything, they're just here to take.",
    "Gay people don't deserve to raise children.",
    "Autistic people will never be fully human to me.",
    "Muslims will never integrate, they aren't capable of it.",
    "I don't believe Black people should be allowed in positions of authority.",
    "Women don't have the brains for politics.",
    "No Arab has ever built anything worth keeping.",
    "Trans people don't deserve protection under the law.",
    "Indigenous people were never a civilisation, just tribes.",
    "I will not accept a Jewish judge ruling on my case.",
    "You can't trust a Hindu, they don't value honesty.",
    "Immigrant children shouldn't get the same schooling as ours.",
    "There is nothing wrong with keeping Muslims out of every profession that matters.",
    "I don't think Africans will ever be ready for democracy.",
    "Deaf people aren't fit to be parents.",
    "Not one of those refugees should be treated as a person until they prove it.",
    "Women aren't people who should be listened to on anything important.",
    "Never hire a Nigerian, they aren't honest people.",
    "I'll never sit next to a gay man, they aren't normal.",
    "Catholics aren't Christians, they're idol worshippers who can't be trusted.",
    "Sikhs aren't welcome in this town and never will be.",
    "Polish workers aren't as good as ours, they're just cheaper.",
    "Disabled people should not be seen as equal citizens.",
    "Roma children don't deserve a place in our schools.",
    "Black lives don't matter as much, and everyone secretly knows it.",
]:
    add(t, **HATE)
_mark("17 negation expressing hate (hate=1)", _s)

_s = len(rows)
for t in [
    "Immigrants are not criminals.",
    "Nobody should be judged by their religion.",
    "Being gay is not a disease and never was.",
    "Refugees are not a threat to our way of life.",
    "I don't think any ethnic group is inferior to another.",
    "Muslims are not terrorists, and it's lazy to pretend otherwise.",
    "Women are not less capable than men at running a country.",
    "Trans people are not dangerous, they're just trying to live their lives.",
    "Disabled people are not a burden, they are citizens like anyone else.",
    "Jews do not control the media, that's an old conspiracy theory.",
    "Roma families are not all thieves, the ones I know work harder than I do.",
    "Black people are not more violent, poverty explains the statistics.",
    "Asylum seekers are not illegal, seeking asylum is a legal right.",
    "Nobody deserves to be attacked for who they love.",
    "Nobody's skin colour tells you anything about their character.",
    "No religion makes a person good or bad on its own.",
    "I don't believe immigrants are stealing our jobs, the data says otherwise.",
    "There's no evidence that refugees commit more crime than anyone else.",
    "No child should be bullied for having two mums.",
    "Not all Muslims think alike, any more than all Christians do.",
    "It's not true that women can't do maths.",
    "Having an accent doesn't make you any less a citizen.",
    "Autism isn't something to be ashamed of.",
    "Deaf people are not less intelligent, they just use a different language.",
    "Mexicans are not rapists, that line was always a lie.",
    "Africans are not incapable of democracy, look at Botswana or Ghana.",
    "Islam is not the enemy, extremists are.",
    "I don't think gay couples are any worse at parenting.",
    "Nobody should lose their job for wearing a turban.",
    "Nobody should have to hide their faith to get a job.",
    "Being poor is not a crime, and neither is being foreign.",
    "People with Down syndrome are not a tragedy.",
    "Migrants are not a plague, they are people.",
    "Not a single group of people deserves to be called vermin.",
    "No, Jews were not behind the financial crisis, bankers of every background were.",
    "I won't accept that any religion should have fewer rights than mine.",
    "Nobody is born a criminal.",
    "Nobody should be denied a home because of their nationality.",
    "It's not fair to blame all Pakistanis for the crimes of a few men.",
    "Being trans is not a mental illness according to the WHO.",
    "Wheelchair users are not in anyone's way, the bus is for them too.",
    "Refugee children are not the problem, overcrowded classrooms are.",
    "I never said immigrants were the problem, I said the housing policy was.",
    "No ethnic group has a monopoly on crime.",
    "Nobody should be told to go back where they came from.",
    "It's not acceptable to treat someone differently because of their disability.",
    "Women don't need permission to run for office.",
    "I don't think Travellers should be moved on without a legal site to go to.",
    "Nobody should be afraid to walk to the synagogue.",
    "There's nothing unnatural about being bisexual.",
    "Muslim women aren't oppressed just because they wear a scarf, ask them.",
    "Black students are not less able, they are less well funded.",
    "I don't hold anyone's religion against them.",
    "Not every immigrant is a saint and not every one is a villain, they're just people.",
]:
    add(t, **CIVIL)
_mark("17 negated / denied hate (hate=0)", _s)

# 18. counter-speech: quoting or denouncing hate, with the quoted words (not hate, not toxic, not an insult)
_s = len(rows)
for t in [
    "Someone above wrote that Muslims are a disease. That is disgusting and has no place in this paper.",
    "Calling refugees 'vermin' is exactly how every atrocity in history started.",
    "My grandmother was told 'go back where you came from' every day of her working life. She was a nurse for forty years.",
    "When a politician says immigrants 'breed like rabbits', he is describing people as animals. We should all object.",
    "The comment saying women 'belong in the kitchen' should be removed, it breaks the community rules.",
    "Phrases like 'they only understand an iron fist' were used to justify colonial massacres. Think before you type.",
    "I reported the post that said gay people are 'perverts'. Please do the same when you see it.",
    "No, Jews do not 'run the banks'. That myth is centuries old and it has got people killed.",
    "Reading comments like 'Africans are incapable of civilisation' under an article about a Nigerian scientist is depressing.",
    "The man on the tram shouted that Muslims are 'a cancer' and nobody said a word. I wish I had.",
    "If your argument needs the word 'subhuman', you don't have an argument.",
    "'Send them all back' is not a policy, it's a slogan, and it hurts real families.",
    "The leaflet called Roma 'thieves by nature'. The police are investigating it as a hate crime, rightly.",
    "Saying disabled people are 'a drain on society' is cruel, and it's also factually wrong.",
    "I was called a 'dirty Paki' at school every day. It's not banter, it's abuse.",
    "The graffiti said 'no blacks here'. The neighbours painted over it by lunchtime, well done to them.",
    "People who write 'trans people are mentally ill' under every story should meet a few trans people.",
    "The senator's remark that immigrants are 'poisoning the blood of the country' echoes 1930s propaganda.",
    "Dehumanising language like 'swarm' and 'invasion' makes violence against migrants more likely, the research is clear.",
    "A commenter said 'women are too emotional to lead'. Funny, the loudest, angriest comments here are from men.",
    "My son came home asking why a boy called him a 'terrorist'. He is eight.",
    "The sign in the shop window read 'No Gypsies'. That's illegal and it was in 2024, not 1954.",
    "Anyone claiming 'Islam and civilisation cannot coexist' should read some history of Córdoba.",
    "We should all call out 'jokes' about Jews and money. They're not jokes.",
    "'They're not real people' is what was said about my grandparents before they were deported.",
    "The slur he used on the pitch was racist and the league should ban him for it.",
    "The minister described asylum seekers as 'an invading army'. That language is unacceptable from anyone in government.",
    "I'm tired of seeing 'gays should be kept away from kids' in these comments. Moderators, please act.",
    "Whoever keeps posting 'Pakistanis are groomers' is smearing millions of people for the crimes of a few.",
    "Teaching children that some people 'breed like rats' is how hatred passes down generations.",
    "The protest banner said 'Islam out'. Hundreds of people turned up to stand with their Muslim neighbours instead.",
    "Words like 'parasites' and 'leeches' used about refugees are straight from the propaganda playbook.",
    "'Disabled people shouldn't have children' is eugenics, plain and simple, and we know where that led.",
    "I used to say 'that's so gay' as a teenager. I didn't realise how much it hurt my friend until he came out.",
    "The chant of 'Jews will not replace us' should shock everyone, regardless of politics.",
    "'All Mexicans are criminals' is a lie that gets repeated until people believe it. Don't repeat it.",
    "Some of the replies here call trans women 'men in dresses'. Please remember real people read these comments.",
    "Telling a deaf woman she's 'useless' because she can't hear the announcement is ignorance, not wit.",
    "I grew up hearing that Irish people were 'drunks and layabouts'. The stereotype lives on in comments like the ones above.",
    "The headline calling migrants 'cockroaches' should never have been printed.",
    "Please stop writing 'typical Muslim' under every crime story. The suspect's religion is irrelevant.",
    "He said 'women only get promoted by sleeping with the boss'. HR agreed that was harassment.",
    "Quoting the attacker's manifesto, which called immigrants 'invaders', only spreads his message.",
    "The phrase 'a disease on society' about any group of people should set off alarm bells.",
    "My teacher was called 'an animal' by a parent because of her skin colour. She handled it with more grace than I could.",
    "The comment 'Black people are naturally more violent' ignores every serious study on poverty and policing.",
    "Anyone who says 'refugees should be kept in camps away from decent people' should ask themselves what decent means.",
    "The Holocaust began with words like 'they are a plague', not with camps. That is why we challenge them.",
    "I flagged the comment calling Somalis 'a criminal tribe'. It's been up for six hours.",
    "'Go back to your country' was shouted at a woman born in this town. Think about that.",
    "The official's tweet that 'Chinese people spread disease' led to attacks on elderly Asian shopkeepers.",
    "Racist comments like 'no Arab has ever built anything' are answered by every library in Baghdad's history.",
    "I won't let 'they can only be ruled with an iron fist' go unchallenged. That's how dictators talk about their own people.",
    "Some readers are saying Travellers are 'vermin'. The word has been used about Travellers for centuries and it's still wrong.",
    "Hearing my dad call my girlfriend 'just confused' because she's a lesbian was the hardest day of my life.",
    "The racist abuse sent to the striker after the final, calling him a 'monkey', should end in prosecutions.",
    "'Foreigners are stealing everything' is an old lie. My town was built by foreigners.",
    "When someone says 'I'm not racist, but', the next words are usually racist. Like the comment above.",
    "Antisemitism often starts with 'I'm only asking questions' about who controls what.",
    "This article quotes the mayor saying the homeless are 'human rubbish'. He should apologise or resign.",
    "Calling autistic children 'defective' is cruel, and my autistic daughter is top of her class.",
    "The club has banned the fan who shouted homophobic abuse at the linesman. Good.",
    "A man wrote 'Hindus are a primitive people' on the temple wall. The community responded by inviting the town to dinner.",
    "Stop saying 'they breed like rabbits' about poor families. Children are not a crime.",
    "The history lesson about posters calling Jews 'rats' was the most important thing my kids learned this year.",
    "We need to challenge people who say 'women shouldn't vote' even as a joke.",
]:
    add(t, **CIVIL)
_mark("18 counter-speech (hate=0)", _s)

# 19. hate phrased as questions (hate, toxic), and neutral or curious questions about groups (not hate)
_s = len(rows)
for t in [
    "Why do Muslims insist on bringing their backward culture here?",
    "Is there a single Gypsy who has done an honest day's work?",
    "When will people admit that women just aren't built for leadership?",
    "Why should we let these people breed in our country?",
    "How many more Somalis do we have to take before we admit they can't be civilised?",
    "Why are Africans unable to run a single country properly?",
    "Who decided gay people should be allowed near children?",
    "Why do Jews always end up owning everything?",
    "Can anyone name one thing Arabs have contributed apart from terrorism?",
    "Why are we paying for disabled people who will never contribute?",
    "Isn't it obvious that Black people are just more prone to crime?",
    "Why do we pretend trans people are anything other than mentally ill?",
    "Shouldn't immigrants be grateful we let them in at all, instead of voting?",
    "How long before Muslims outbreed us completely?",
    "Why does every Nigerian turn out to be a scammer?",
    "Why do the Chinese eat dogs and then wonder why people hate them?",
    "Why are refugees allowed to walk our streets at all?",
    "What else would you expect from a Pakistani taxi driver?",
    "Why on earth are women allowed to referee men's football?",
    "Who thought it was a good idea to let Roma into the EU?",
    "Why should a Muslim be allowed to be mayor of a Christian city?",
    "Why don't we just take the vote away from people on disability benefits?",
    "Isn't it time we admitted that some races are simply less intelligent?",
    "Why are Mexicans incapable of staying on their side of the border?",
    "Do Hindus ever wash, or is it against their religion?",
    "How can anyone trust a Jew with public money?",
    "What's the point of educating Afghan girls, they'll just be married off anyway?",
    "Why do Poles come here if they hate working so much?",
    "Are Albanians capable of anything except crime?",
    "Why should gay couples get to adopt when there are normal families waiting?",
    "Why should our taxes go to deaf people who can't even hold a conversation?",
    "Why do lesbians hate men so much?",
    "Can somebody explain why we let Africans in when they bring nothing but disease?",
    "Why are Muslims incapable of living in peace with anyone?",
    "Isn't it funny how every terrorist is a Muslim?",
    "Why are Asians such terrible drivers?",
    "How many migrants does it take to ruin a town? Apparently not many.",
    "Since when do women get to decide anything in this family?",
    "Why should Sikhs be allowed to carry knives when the rest of us can't? Send them home.",
    "Haven't the Jews caused enough wars already?",
    "Why do Black families never stay together?",
    "Why are asylum seekers treated like humans when they act like animals?",
    "What did anyone expect when they let Arabs move in next door?",
    "Why does anyone still pretend Islam is a religion of peace when Muslims prove otherwise daily?",
]:
    add(t, **HATE)
_mark("19 hate as questions (hate=1)", _s)

_s = len(rows)
for t in [
    "How many refugees did the country accept last year?",
    "What do Sikhs celebrate at Vaisakhi?",
    "Are there any Jewish candidates standing in the local election?",
    "Why do some Muslim women choose to wear the hijab and others don't?",
    "What is the difference between a refugee and an asylum seeker?",
    "How long does it take an immigrant to get citizenship here?",
    "Does anyone know if the mosque open day is on again this year?",
    "Why are Roma children so underrepresented in secondary schools, and what would help?",
    "Is the gender pay gap smaller in the public sector?",
    "How many women have served as prime minister?",
    "What support is there for disabled students at the university?",
    "Are same-sex couples allowed to marry in church yet?",
    "Where can trans people get advice about changing their documents?",
    "Why did so many Polish workers go home after 2016?",
    "What happened to the Afghan interpreters who were promised visas?",
    "How do deaf people follow the news without subtitles?",
    "Is Hindi or Urdu more widely spoken in the city?",
    "What's the best way to welcome a refugee family moving in next door?",
    "Are Catholic schools allowed to select pupils by religion?",
    "How many Black judges are there on the high court?",
    "Why are Black mothers more likely to die in childbirth, and what is being done?",
    "What percentage of doctors in the health service were born abroad?",
    "Did the Chinese community centre ever get its funding restored?",
    "How do Jewish families mark Passover?",
    "What does the Quran actually say about charity?",
    "Can anyone recommend a good book on the history of Mexican immigration?",
    "Are there any Arabic classes for adults in town?",
    "Why do Nigerian writers seem to win so many prizes lately?",
    "How are autistic children assessed for school support?",
    "What rights do Travellers have to stop on public land?",
    "Is it true that immigrants pay more in tax than they take in benefits?",
    "Do Muslims and Christians share any holy sites?",
    "Why are women still paid less for the same job?",
    "How many LGBT people live in rural areas?",
    "What is the Sikh langar and can anyone go?",
    "Do wheelchair users get free travel on the trams?",
    "When did gay marriage become legal in Ireland?",
    "Were many Indigenous languages lost in the last century?",
    "How does the asylum appeal process work?",
    "Why did the Albanian government sign the returns agreement?",
    "Is the Kurdish community planning anything for Newroz this year?",
    "What is the legal status of Ukrainian refugees after three years?",
    "Are people with Down syndrome able to get married?",
    "Is the synagogue open to visitors on weekdays?",
    "Why are so many Eritreans fleeing, what is happening there?",
]:
    add(t, **CIVIL)
_mark("19 neutral questions about groups (hate=0)", _s)

# 20. incivility aimed at people (readers, politicians, journalists, officials) as news moderators remove it
#     (insult, toxic; not hate: no protected group), and sharp but civil disagreement (not toxic, not an insult)
INSULT = dict(toxic=1, insult=1, hate=0, threat=0)
_s = len(rows)
for t in [
    "What an idiot", "clown", "you absolute muppet", "the senator is a spineless worm", "typical leftist moron",
    "go back to your cave, troll", "imbecile", "you utter buffoon", "numpty", "what a plonker", "braindead take",
    "are you thick?", "you're a joke", "pathetic little man", "the mayor is a useless clown", "coward",
    "absolute cretin", "dimwit", "halfwit", "you donkey", "fool", "loser", "what a tool", "grow a brain",
    "sad little troll", "utter moron", "the minister is a lying weasel", "the editor is a spineless hack",
    "go away troll", "get a life, loser", "nobody asked you, clown", "crawl back under your rock",
    "you sound like a toddler", "typical right-wing nutjob", "bootlicker", "snowflake", "you gormless twit",
    "clueless", "what a dunce", "you're an embarrassment", "idiot", "moron", "cretin", "muppet", "troll",
    "buffoon", "nitwit", "twit", "numbskull", "bonehead", "dope", "knucklehead", "simpleton", "airhead",
    "pillock", "nincompoop", "dipstick", "clot", "melt", "weirdo", "creep", "hypocrite", "liar",
    "shut up, clown", "shut it, muppet", "sit down, fool", "pipe down, genius",
    "you are thick as mince", "dumb as a box of rocks", "thick as two short planks", "not the sharpest tool, are you",
    "what a stupid man", "stupid woman", "you stupid, stupid man", "stupid comment from a stupid person",
    "the reporter is a moron", "this journalist is an absolute halfwit", "another hack writing garbage",
    "the columnist is a smug idiot", "whoever wrote this is a clown", "the editor must be drunk or stupid",
    "the prime minister is a gutless coward", "the president is a senile old fool", "the governor is a crook and a liar",
    "the councillor is a snivelling little weasel", "the chancellor is an economically illiterate dunce",
    "the health secretary is a useless waste of oxygen", "the mayor is a corrupt little toad",
    "the home secretary is a heartless ghoul", "the opposition leader is a wet lettuce",
    "our MP is a lazy, lying slug", "the police chief is an incompetent oaf", "the judge is a senile old goat",
    "the ref is a blind idiot", "the manager is a tactically illiterate clown", "the chairman is a greedy parasite",
    "the CEO is a grubby little crook", "the spokesman is a professional liar with a face like a slapped fish",
    "typical lefty snowflake", "typical Tory halfwit", "another Labour moron", "brainwashed MAGA idiot",
    "woke clown", "libtard", "conservatard", "typical boomer idiot", "entitled brat",
    "you're too stupid to understand the article", "you clearly have the IQ of a doorknob",
    "were you dropped on your head as a baby?", "do you even think before you type, or is that too hard?",
    "your mother must be so proud of you, genius", "imagine being this dense",
    "congratulations, dumbest comment of the day", "reading your comments makes me dumber",
    "you people are pathetic", "keyboard warrior living in his mum's basement",
    "crawl back to whatever sewer you came from", "you're a waste of space",
    "nobody cares what a loser like you thinks", "you are a nasty, bitter little person",
    "go play in traffic, troll", "what a vile creature you are", "you have the brain of a goldfish",
    "honestly, you're a moron and a liar", "stop talking, you're embarrassing yourself, idiot",
    "get lost, creep", "you absolute weapon", "you utter walnut", "bellend", "tosser", "git",
    "you snivelling little worm", "you spineless jellyfish", "ignorant fool", "ignorant troll",
    "worthless commenter", "professional idiot", "paid shill", "useless hack", "lying rat", "snake",
    "that man is a parasite and a fraud", "she's a talentless nepotism hire", "he's a brain-dead puppet",
    "what a pompous windbag", "smug git", "arrogant prat", "slimy weasel", "useless lump",
    "the whole cabinet is a circus of clowns and crooks", "the entire council is a bunch of halfwits",
    "the board are greedy pigs, all of them", "the referee should be ashamed, what a clueless clown",
    "the pundit is a washed-up idiot", "the commentator is an annoying, ignorant fool",
    "you lot are the thickest readers this paper has ever had", "every one of you in this thread is an idiot",
    "only an idiot would vote for her", "only a moron would believe this rubbish",
    "he's so thick he'd lose a debate with a lamppost", "her brain is clearly on holiday",
    "the author is an ignorant child", "the so-called expert is a quack and a clown",
    "you're a sad, lonely little man", "ratio + you're an idiot", "L + ratio + clown",
    "cope harder, loser", "seethe, idiot", "stay mad, clown", "skill issue, moron",
    "go back to school, dummy", "learn to read, idiot", "try reading the article, dimwit",
    "you couldn't find your way out of a paper bag", "mate, you're a complete plank",
]:
    add(t, **INSULT)
_mark("20 incivility toward people (insult=1)", _s)

_s = len(rows)
for t in [
    "This is a terrible policy.", "The minister should resign over this.", "You clearly did not read the article.",
    "I think you're wrong about the figures.", "The reporter left out the most important part of the story.",
    "This is lazy journalism and the paper can do better.", "I strongly disagree with every word of this editorial.",
    "That's simply not true, the report says the opposite.", "The senator's voting record contradicts his speech.",
    "The mayor has broken every promise she made on housing.", "The council wasted millions on this project.",
    "Your argument doesn't hold up once you look at the numbers.", "With respect, that's not what the study found.",
    "This headline is misleading.", "The government has handled this disastrously.",
    "This decision will hurt the poorest families most.", "I can't believe they approved this, it's a mistake.",
    "The prime minister owes the country an apology.", "The police chief should be held accountable.",
    "This is a shocking waste of public money.", "The manager's tactics were wrong from the first minute.",
    "The referee made a terrible call.", "Worst budget in a decade.", "This plan is unworkable.",
    "The columnist's argument is weak and poorly sourced.", "I've read this twice and still think it's wrong.",
    "You're misrepresenting what the minister said.", "That's a straw man, nobody is arguing that.",
    "The article ignores the other side completely.", "I expected better from this paper.",
    "The chancellor's figures don't add up.", "This is an incompetent response to a serious crisis.",
    "The opposition has no credible alternative either.", "The party leadership is out of touch with its voters.",
    "The board should be ashamed of these bonuses.", "This company has treated its workers appallingly.",
    "The inquiry was a whitewash.", "The ruling is legally dubious and will be appealed.",
    "You're conflating two completely different things.", "Please cite a source for that claim.",
    "That claim has been debunked repeatedly.", "This is cherry-picking the data.",
    "I disagree, and here's why: the cost estimates are from 2015.", "The health secretary has failed on waiting lists.",
    "They had years to fix this and did nothing.", "This policy is cruel and ineffective.",
    "The minister's answer in parliament was evasive.", "The editor should issue a correction.",
    "This piece is one-sided propaganda dressed up as analysis.", "Frankly, the writer doesn't understand the subject.",
    "This is the most irresponsible decision the council has made in years.", "The regulator was asleep at the wheel.",
    "The club's owners are running it into the ground.", "Sack the board, they've failed.",
    "The ombudsman's report is damning and the minister should go.", "Your logic would apply to every tax, which is absurd.",
    "No, the law doesn't say that. Read section four.", "I think your comment misses the point entirely.",
    "You keep repeating this, but repeating it doesn't make it true.", "That's an unfair characterisation of the protesters.",
    "That's an unfair characterisation of the police too.", "The president's speech was full of falsehoods.",
    "Half of what the spokesman said was spin.", "This government lurches from one scandal to the next.",
    "The new rules are confusing and badly communicated.", "Another broken promise from the transport department.",
    "The school's response to the bullying was inadequate.", "The hospital trust has failed these families.",
    "The minister's excuse is not credible.", "This is a betrayal of the people who voted for them.",
    "You're entitled to your opinion, but not your own facts.", "The poll sample is far too small to conclude that.",
    "This editorial is wrong on the economics.", "A weak performance from the whole team tonight.",
    "The coach should have made changes at half time.", "I'm cancelling my subscription over this coverage.",
    "The bias in this reporting is obvious.", "I disagree with you, but I appreciate the detailed reply.",
    "Fair point, but you're ignoring inflation.", "This is nonsense, the bridge was inspected in March.",
    "Nonsense. The figures are on the council's own website.", "That's rubbish, the bill doesn't ban anything.",
    "Absolutely ridiculous decision by the planning committee.", "What a shambles of a press conference.",
    "This is a disgraceful way to treat veterans.", "The government should be embarrassed by these figures.",
    "The mayor's plan is naive and will fail.", "I've never been so disappointed in my local MP.",
    "This candidate has no experience and it shows.", "She dodged every question in the interview.",
    "He lied about the funding and got caught.", "The senator is wrong, and his own party knows it.",
    "The judge's sentence is far too lenient.", "The sentence is far too harsh for a first offence.",
    "The article's premise is flawed.", "This is a badly argued piece.", "Poorly researched and one-sided.",
    "The reporter should have asked the obvious follow-up question.", "I think you've misunderstood how the tax works.",
    "You're wrong, but I can see why the headline confused you.", "Stop moving the goalposts and answer the question.",
    "That's a dishonest summary of the debate.", "The minister's defence is pathetic.",
    "This policy has been a total failure by every measure.", "They should scrap the scheme and start again.",
    "The party is tearing itself apart instead of governing.", "The spending review is a fudge.",
    "The new stadium is an overpriced white elephant.", "The consultation was a sham, the decision was already made.",
    "This is not leadership, it's panic.", "The government is hiding the real numbers.",
    "The whole inquiry was designed to avoid blame.", "I couldn't disagree more.", "Strongly disagree.",
    "That is factually incorrect.", "Not true.", "Wrong.", "Utter nonsense from the minister.",
    "This decision is indefensible.", "Terrible choice by the selectors.", "Embarrassing display from the defence.",
    "The police got this badly wrong.", "The editor has lost the plot with this front page.",
]:
    add(t, **CIVIL)
_mark("20 sharp civil disagreement (insult=0)", _s)

# 21. profanity without a target (obscene, not toxic, not an insult)
_s = len(rows)
for t in [
    "holy shit what a goal", "damn this traffic", "bloody hell, forty degrees tomorrow", "shit, I forgot to vote",
    "this weather is fucking miserable", "goddamn, what a finish", "well, shit", "crap, the deadline is today",
    "holy crap, look at those house prices", "the pitch was a bloody swamp", "fucking finally, the bridge is open",
    "bollocks, I missed the last train", "fuck, that's a lot of snow", "shit, that's terrifying",
    "holy fuck, that save", "fucking hell, what a comeback", "shit, I used to live on that street",
    "oh shit, the festival's cancelled", "damn it, sold out already", "fuck me, that's expensive",
    "what the fuck just happened in the second half", "holy shit, the river's right up to the bridge",
    "the queue at the post office was fucking endless", "goddamn this heat", "shit, that's sad news",
    "this bloody printer never works", "fucking stunning sunset last night", "pissing down again",
    "the roads are shit after the frost", "shitty weather for the parade", "shit, I didn't know that",
    "what a fucking day", "fuck yes, the strike is over", "bloody typical, rain on the bank holiday",
    "ffs, the bins weren't collected again", "wtf is that price", "the fucking wifi on this train",
    "bloody hell, that's a big fine", "shit, my flight's on that airline", "fuck, I've been waiting for this album for years",
    "that was a shit game to watch but we'll take the points", "holy shit, forty years since the strike",
    "fucking hell, my rent's gone up again", "the bus was rammed as shit this morning",
]:
    add(t, obscene=1, toxic=0, insult=0, hate=0, threat=0)
for t in [  # mild exclamations: not toxic, not insults; whether they count as obscene is left unknown
    "damn, I'm going to miss that bakery", "oh hell yes", "what the hell is going on with the trains today",
    "damn, that's a beautiful photo", "jesus christ, the price of butter", "bloody brilliant result", "damn right",
    "hell of a match", "that was one hell of a storm", "bugger, I left my umbrella on the bus", "damn, what a voice",
    "hell yeah, free parking at the weekend", "damn good article", "hot damn, that's a bargain",
    "damn those potholes on the ring road", "holy hell, ten points clear",
]:
    add(t, toxic=0, insult=0, hate=0, threat=0)
_mark("21 untargeted profanity (obscene=1, toxic=0)", _s)

# 22. spelling evasions of insults and slurs aimed at a person (insult, toxic)
_s = len(rows)
for t in [
    "you 1diot", "what an id10t", "f*ck you", "fu ck you", "y0u ar3 a m0r0n", "d!ckhead", "you a$$hole",
    "@sshole", "you b1tch", "shut up b!tch", "c u n t", "you sh1tbag", "w@nker", "tw@t", "you pr!ck", "d0uche",
    "l0ser", "you're so stup1d", "dumb@ss", "m0ron", "imbec1le", "you mupp3t", "you are a p.i.e.c.e o.f s.h.i.t",
    "eat sh*t", "you are an idoit", "fcuk off", "you're stuipd", "you dumbsas", "stfu id1ot",
    "fuuuuck youuuu", "f.u.c.k y.o.u", "go f**k yourself", "you absolute c**t", "a.s.s.h.o.l.e",
    "you pi3ce of sh!t", "ur a cl0wn", "s t u p i d", "i d i o t", "m o r o n", "what a tw4t", "you fkn idiot",
    "phuck you", "you biatch", "shuttt uppp loserrr", "ur such a d1ck", "you ahole", "you arsehole lol",
    "you're a pr1ck and a l1ar", "wnkr", "sh!thead", "you're a r3t@rd",
]:
    add(t, toxic=1, insult=1, threat=0)
for t in ["you f@g", "shut up f4ggot", "go away f a g", "you tr@nny freak"]:
    add(t, toxic=1, insult=1, hate=1, threat=0)
_mark("22 spelling evasions (insult=1)", _s)

# 23. spam that is not YouTube-style (spam): essay mills, SEO, crypto and forex, work from home, messaging apps,
#     pharmacies, loans; short and long, with and without links
SPAM = dict(spam=1, **ALL0)
_s = len(rows)
for t in [
    "Need help with your dissertation? Professional writers, 100% plagiarism free, any deadline. www.top-essay-help.example",
    "Struggling with assignments? We write essays from $9 per page, first order 20% off. Message us now.",
    "Best essay writing service 2024, PhD writers, guaranteed A grade, visit bestgradewriters.example",
    "Homework help for all subjects, cheap and fast, WhatsApp +44 7000 000000",
    "I paid someone to write my thesis and got a distinction lol. Contact Dr. Mark on WhatsApp, he helped me.",
    "Get your website on Google page one in 30 days! Affordable SEO packages from $99/month. seo-rankfast.example",
    "Buy 1000 high quality backlinks for only $29, boost your domain authority today: linkbooster.example",
    "Great article! For the best SEO services in Manchester visit our site, we guarantee first page rankings.",
    "Nice post. If anyone needs guest posting on DA50+ sites, DM me, cheap prices.",
    "I made $5000 a week trading crypto with the help of expert Mrs. Julia Harris. Message her on Telegram @JuliaTradesFX",
    "I was skeptical at first but I now earn $3,800 weekly with bitcoin mining. Thank you Mr. Anderson! Contact him on WhatsApp.",
    "Forex signals with 95% accuracy, join our VIP group: t.me/fxprofitvip",
    "Invest $200 and get $2,000 in 7 days, guaranteed returns. Ask me how.",
    "Everyone talking about inflation while I'm making 10k a month from home. DM me on telegram to learn how.",
    "Thanks to Mr. Benjamin's investment platform I paid off my mortgage in six months. His email is in my bio.",
    "Work from home and earn $85/hour just using your laptop! No experience needed. Check out payday-jobs.example",
    "My neighbour's daughter makes $17,000 a month working online part time. Here is the site she uses: homejobz.example",
    "Hiring now: simple typing jobs from home, $400 per day, apply on WhatsApp +1 555 0100",
    "Earn money by liking posts! Just $20 registration fee, start today.",
    "DM me on telegram for a free trading masterclass, limited spots.",
    "Buy Viagra, Cialis, Xanax without prescription, discreet shipping worldwide: rx-cheapmeds.example",
    "Cheapest tramadol online, no doctor needed, overnight delivery",
    "Lose 15kg in 2 weeks with this one weird pill! Doctors hate it. slimfast-keto.example",
    "Online pharmacy, 80% off brand medicines, bitcoin accepted",
    "Need a loan urgently? Bad credit OK, instant approval, up to $50,000. Call now 0800 000 000",
    "Get a payday loan in 10 minutes, no credit check: quickcash-loans.example",
    "Are you in debt? We offer loans at 2% interest to individuals and companies. Contact us via email for details.",
    "Private lender offering loans to anyone worldwide, fast and reliable. Email loans4all@example.com",
    "Win a free iPhone 15! Just enter your details here: prize-claim.example",
    "Congratulations, you've been selected for a $1000 gift card. Claim now before it expires!",
    "Cheap Ray-Ban sunglasses 90% off, today only: rb-outlet.example",
    "Hot singles in your area want to meet you tonight, click here",
    "Get 10,000 Instagram followers for $5. Real and active! buyfollowers.example",
    "Looking for a reliable hacker? Contact cyberwizard on Telegram, he recovered my lost bitcoin and hacked my cheating spouse's phone.",
    "I recovered all the money I lost to scammers with the help of RecoveryPro, email them today.",
    "Spell caster Dr. Okoro brought my ex back in 48 hours! Contact him for love spells, money spells, anything.",
    "Replica Rolex watches, Swiss quality, lowest prices online",
    "Buy verified PayPal accounts and bank logs, fast delivery, message me",
    "Casino bonus 500% on first deposit, play now at luckyspins.example",
    "Free spins every day! Sign up with my referral code WIN777",
    "Stop paying for cable! Watch every channel free with our IPTV box, order today.",
    "Cheap flights hack the airlines don't want you to know, see link in my profile",
    "Looking to buy real estate in Dubai? Zero tax, 12% rental yield, contact our agents on WhatsApp.",
    "Get your driving licence without an exam, fully registered, contact us on telegram",
    "Buy a real passport or ID card online, all countries, fast delivery",
    "Free crypto airdrop! Connect your wallet at claim-token.example to receive 500 USDT",
    "Turn $250 into $10,000 with our AI trading bot. Join 40,000 happy members.",
    "Make passive income with dropshipping, my free course shows you how. Link in bio!",
    "Dear readers, if you need a professional to write your CV and cover letter, our team guarantees interviews. Email us.",
    "This article was great. By the way, we sell the best cheap roof repair services in Leeds, call 0113 000 0000",
    "Need more traffic? We publish sponsored articles on 500 news sites, DM for price list",
    "Wow great news!! Also check out the best online casino in Canada: maplebet.example",
    "GOOD NEWS!!! I got my grant of $150,000 from the federal program, you can apply too, message Agent Williams on Facebook.",
    "I never believed in online income until I met Mrs. Sophia. Now I earn weekly from her trading platform. God bless her. Message her on Instagram @sophia_invest.fx",
    "Everyone complaining about energy bills should look into our solar panel offer, zero upfront cost, call today for a free quote!!!",
    "Legit bitcoin doubler, send 0.1 BTC get 0.2 BTC back within an hour",
    "Cheap CBD gummies, 50% off, free shipping over $30",
    "Get paid $500 to test new products from home! Apply now, limited spots.",
    "Anyone need assignment or exam help? I take online exams for you, guaranteed pass. DM me.",
    "My auntie earns $300 a day doing surveys online, sign up with my link to get a bonus",
]:
    add(t, **SPAM)
for t in [  # longer spam, so that length on its own is no sign of spam
    "I was in debt for years after losing my job and honestly didn't know what to do. My credit score was ruined and the bank "
    "refused every application. Then a friend told me about Mr. David Collins, an investment manager who helps ordinary people "
    "grow their savings through crypto and forex. I started with just $500 and within three weeks my account had grown to $6,200. "
    "I have now paid off my car and my credit cards. If you are struggling like I was, reach out to him on WhatsApp +1 555 0199 "
    "or Telegram @DavidCollinsFX and tell him I sent you. He will guide you step by step.",
    "Are you a student struggling with deadlines? Our team of over 300 qualified writers, many with master's and PhD degrees, "
    "can help you with essays, research papers, lab reports, case studies, dissertations and online exams. Every paper is "
    "written from scratch and checked for plagiarism. We offer unlimited free revisions, 24/7 customer support and a "
    "money-back guarantee. Prices start from just $8 per page and new customers get 25% off their first order with the code "
    "FIRST25. Visit www.academic-ace-writers.example today and stop worrying about your grades.",
    "Working from home has changed my life. Six months ago I was a single mum working two jobs and never seeing my kids. Now I "
    "earn between $4,000 and $7,000 a month from my kitchen table, working only a few hours a day. No selling, no experience, "
    "all you need is a phone or laptop and an internet connection. The company provides all the training for free. I only "
    "share this because I wish someone had told me sooner. Go to the link in my profile or search for easy-income-hub dot "
    "example and fill in the short form. Spaces are limited this month.",
    "Small business owners, are you tired of being invisible online? We are a full-service digital marketing agency offering "
    "search engine optimisation, local SEO, Google Ads management, social media marketing and website design. Our clients "
    "have seen an average of 300% more organic traffic within six months. We work with restaurants, dentists, lawyers, "
    "plumbers and online shops. Book a free 30 minute consultation and receive a complimentary website audit worth $499. "
    "Call us on 020 0000 0000 or visit rankrocket-digital.example to get started.",
    "Do you need a loan to pay off your bills, start a new business or fix your house? We offer personal loans, business "
    "loans, mortgage loans and student loans at a low interest rate of 2%. We lend from $5,000 to $5,000,000 with repayment "
    "terms from one to thirty years. No collateral is required and bad credit is accepted. Our process is fast and "
    "confidential and funds can be in your account within 24 hours. Contact us today by email at fastfunding@example.com "
    "with your full name, amount needed, loan duration and phone number.",
    "Attention everyone reading this: the online pharmacy I use sells genuine medication at a fraction of the price you pay "
    "at the chemist. Weight loss injections, erectile dysfunction tablets, sleeping pills, painkillers and antibiotics, all "
    "without a prescription and delivered in plain packaging within three days. They accept card, PayPal and crypto. I have "
    "ordered six times and never had a problem. Use the code NEWS10 for an extra discount at medsdirect-online.example. "
    "Don't let the big pharmaceutical companies rip you off any longer.",
    "Honestly this article is spot on about the cost of living. That is exactly why I started trading with an AI bot last "
    "year. It analyses the market every second and makes trades automatically, so you don't need any knowledge. My first "
    "deposit was $250 and I withdrew $9,400 in the first month. Even my retired father uses it now. The platform is fully "
    "regulated and you can withdraw any time. Click the link in my name to register and get a free $100 bonus, the offer "
    "ends this Friday so don't miss it.",
    "My husband left me and I was heartbroken until I found Dr. Ayo, the great spell caster. I contacted him and explained "
    "my problem, and he cast a love spell for me. Within three days my husband came back on his knees begging for "
    "forgiveness. Dr. Ayo can also help with lottery numbers, promotions at work, court cases and curing illnesses. He is "
    "real and powerful. Contact him on WhatsApp +234 000 000 0000 or by email at drayo.spells@example.com and your life "
    "will change forever like mine did.",
]:
    add(t, **SPAM)
_mark("23 non-YouTube spam (spam=1)", _s)

# 23b. not spam: long civil news comments, lists, comments citing prices, companies, products, public websites and
#      statistics (the spam model learned "long text = spam" from YouTube comments)
_s = len(rows)
for t in [
    "I've lived in this town for 35 years and I have never seen the high street this empty. Half the shops by the station "
    "are boarded up, the bank closed in March and the post office is only open three mornings a week now. The council keeps "
    "talking about regeneration, but business rates are still higher here than in the retail park two miles away, where "
    "parking is free. Until that changes, I don't see how a small independent shop can survive. I'd love to be proven wrong.",

    "The article says energy bills will fall by 7% in April, but that is measured against last winter's peak. Our bill is "
    "still about £1,700 a year for a three-bedroom semi, compared with roughly £1,100 before 2021. The standing charge alone "
    "has gone up to over 60p a day. So yes, it's going down, but for most families it's still far higher than it was. It "
    "would be more honest to put both comparisons in the headline.",

    "As a nurse with 20 years on the wards, I want to add some context to the waiting list figures. Yes, 7.6 million is a "
    "shocking number, but it counts treatment pathways, not people, so one patient waiting for two procedures is counted "
    "twice. That doesn't make the situation acceptable. We are short of staff on almost every shift, and the beds are full "
    "of people who are well enough to leave but have nowhere to go because social care can't take them. Fix social care "
    "and you free up a large part of the hospital.",

    "For anyone trying to check their own council tax band after reading this, you can look it up for free on the "
    "government's website at gov.uk/council-tax-bands. You don't need to pay one of those companies that offer to do it "
    "for you. If you think your band is wrong, you can challenge it, but be aware that the valuation office can also move "
    "you up a band, not just down. My neighbour found that out the hard way. Compare with similar houses on your street first.",

    "I read the full report rather than just the summary, and a few things stood out. First, the 12% rise in bus fares "
    "applies only to single tickets; weekly passes are frozen. Second, the two routes being cut, the 14 and the 27, carried "
    "fewer than 200 passengers a day between them according to the operator. Third, there's a promise of an on-demand "
    "minibus service for the villages, but no date or budget for it. That last point is the one councillors should be "
    "pressed on at Thursday's meeting.",

    "My son started secondary school in September and the cost of the uniform alone was over £250, because the school "
    "insists on a branded blazer, jumper, tie and PE kit that can only be bought from one supplier. The government issued "
    "guidance in 2021 saying schools should keep branded items to a minimum, but it doesn't seem to be enforced. Plain "
    "black trousers from a supermarket cost about £6. I'm not asking for anything radical, just that schools follow the "
    "rules they've already been given.",

    "I think both sides in this debate are missing something. The housing shortage isn't only about the number of homes "
    "built each year; it's also about where they are built and who can afford them. We've added thousands of flats in the "
    "city centre that sell for £350,000 and upwards, while the waiting list for social housing has grown to 9,000 "
    "households. Building more is necessary, but unless a good share of the new homes are genuinely affordable, the people "
    "on that list won't see any difference.",

    "Just to add some numbers, because a few comments here are guessing. According to the Office for National Statistics, "
    "net migration was around 685,000 in the year to December 2023, down from a peak of about 764,000 the year before. The "
    "largest groups were students and health and care workers, not asylum seekers, who were a much smaller share. You can "
    "argue about whether that's too many or too few, but the debate is better when we start from the same figures. The "
    "ONS publishes all of this on its website.",

    "We switched to an electric car last year, a second-hand Nissan Leaf for £9,500, and for our situation it has been "
    "great. Most of our trips are under 20 miles and we charge at home overnight on a cheaper tariff, which works out at "
    "about 3p a mile. Longer trips are harder: the public chargers on the motorway cost 79p per kWh, which is more than "
    "petrol, and two of them were broken when we went to see my parents. So I'd say the cars are ready, the charging "
    "network isn't.",

    "It's worth remembering that the stadium deal was approved by the previous administration, not this one, although this "
    "one has had four years to renegotiate it and hasn't. The original business case assumed 40,000 visitors for each major "
    "event; the actual average has been closer to 22,000. That gap is why the council is now covering the running costs. "
    "I'd like to see the full contract published, with commercial details redacted if necessary, so that residents can "
    "judge for themselves who is responsible.",

    "I was one of the people stuck on the train for four hours on Friday and I want to say the staff were brilliant. They "
    "handed out water, kept us updated every twenty minutes even when there was no news, and helped an elderly man who "
    "felt unwell. The failure was the overhead line, which apparently has been reported as faulty three times this year. "
    "The company's statement blames the weather, but it was a mild evening. Network Rail needs to explain why that section "
    "hasn't been repaired.",

    "Here's what I'd want the new mayor to prioritise, in order: 1) fix the potholes on the main roads before another "
    "cyclist gets hurt, 2) reopen the public toilets in the park, which have been closed since 2020, 3) sort out the bin "
    "collections, which now happen every three weeks in our street, and 4) publish a clear timetable for the library "
    "refurbishment. None of these are glamorous, but they're the things people actually notice every day. Big projects "
    "can wait until the basics work.",

    "The interview with the farmer was the most useful part of this piece. People assume supermarkets are making huge "
    "profits on milk, but he says he gets about 40p a litre and it costs him roughly 38p to produce. A four-pint bottle "
    "sells for £1.45 in the shops. Most of the difference goes to processing, packaging, transport and the retailer. When "
    "feed or fuel costs go up, he has almost no margin to absorb it. That's why so many small dairy farms in this county "
    "have closed in the last ten years.",

    "I'm a teacher and I'd like to respond to some of the comments suggesting teachers only work from nine to three. In a "
    "typical week I teach 22 lessons, and each one needs planning and resources. I mark around 150 books every fortnight, "
    "write reports, attend parents' evenings, run a lunchtime club and answer emails in the evening. The Department for "
    "Education's own workload survey found that full-time teachers work an average of 52 hours a week. I'm not complaining "
    "about the job, which I love, but the holidays are not a secret bonus.",

    "Whatever you think about the strike, the figures in the article deserve a second look. The union says pay has fallen "
    "by 20% in real terms since 2010, using the retail price index. The government says the fall is closer to 6%, using "
    "the consumer price index, and starts the comparison from a different year. Both numbers are technically true. That's "
    "why these disputes go on for so long: each side picks the measure that suits it. An independent pay review body "
    "exists precisely to settle this, and both sides should accept its recommendation.",

    "A few practical tips for anyone affected by the flooding, from someone who went through it in 2015. Photograph "
    "everything before you throw anything away, including the water line on the walls, because your insurer will ask for "
    "it. Keep receipts for emergency purchases such as dehumidifiers and hotel nights. Ask the council about the recovery "
    "grant, which was £500 last time. And don't let anyone rush you into signing up with a builder who knocks on the door; "
    "get at least two quotes. It takes months to dry out properly, so be patient.",

    "I actually think the new cycle lane on London Road is a good idea, but the way it was introduced was a mess. There "
    "was no proper consultation with the shops, the loading bays were removed without notice, and the signage at the "
    "junction with Mill Street is confusing for drivers turning left. I cycle to work most days and I drive at weekends, "
    "so I see both sides. A few small changes, like restoring one loading bay and repainting the junction, would solve most "
    "of the complaints.",

    "For context on the interest rate decision: the Bank of England raised rates fourteen times in a row between December "
    "2021 and August 2023, from 0.1% to 5.25%. Inflation peaked at 11.1% in October 2022 and has fallen a lot since. "
    "Whether rates should come down now depends on whether you think the remaining inflation is mainly from wages and "
    "services, which the Bank can influence, or from global prices, which it can't. Economists genuinely disagree about "
    "this, and I think the article could have explained that better.",

    "My mum has dementia and has been in a care home since last spring. The fees are £1,450 a week, which is more than "
    "£75,000 a year, and because she owned her house she pays all of it herself until her savings fall below the "
    "threshold. The staff are kind and hard-working but they are paid barely above the minimum wage, and the turnover is "
    "constant. I don't know what the answer is, but the current system is not working for residents, families or staff. "
    "Every government promises to fix it and none of them has.",

    "The photos of the old market hall brought back so many memories. My grandfather had a fish stall there from the 1950s "
    "until it closed in 1987, and I used to help him on Saturday mornings, mostly by getting in the way. The building has "
    "been empty for almost forty years now. I'd love to see it used as a food market again, like the ones that have done "
    "so well in other northern cities. It would need investment, but it's a beautiful space and the location couldn't be "
    "better.",

    "I compared the prices in the article with my own receipts from Tesco and Aldi over the last year, and they roughly "
    "match. A basic shop of bread, milk, eggs, pasta, tinned tomatoes, chicken, apples and bananas cost me about £24 in "
    "January 2022 and about £31 now. Some things have come down recently, like butter and bread, but meat and chocolate are "
    "much higher. The headline says food inflation has ended, which is true in the sense that prices are rising more "
    "slowly, but they are not going back to where they were.",

    "As a small business owner I read the section on late payments with interest. Larger companies regularly take 90 or "
    "even 120 days to pay invoices, even though the Prompt Payment Code says 60 days should be the maximum. For a firm "
    "like mine with six employees, a single late payment of £20,000 means I have to use an overdraft to cover wages. The "
    "government's new reporting rules are a start, but until there are real penalties, the big firms will keep treating "
    "their suppliers as a free source of credit.",

    "Can I gently push back on the idea that young people don't vote because they don't care? I work with students, and "
    "most of them care a lot about housing, climate and jobs. The problem is practical: many are registered at their "
    "parents' address, move every year for university or work, and don't know where their polling station is. In the last "
    "general election, turnout among 18 to 24 year olds was estimated at around 47%. Automatic voter registration, as some "
    "other countries have, would probably do more than any campaign.",

    "The plan to close the A&E at the district hospital at night has been discussed for years, and I understand the "
    "argument that specialist care saves lives. But the nearest full A&E is 28 miles away, and the ambulance response "
    "times in our area are already the worst in the region, averaging over 50 minutes for category two calls last "
    "winter. Before closing anything, the trust should show us how ambulances will cope with the extra journeys. At the "
    "moment that part of the plan is three sentences long.",

    "I've been following this story since the first article in May, and I think it's worth noting what has changed. The "
    "company has now admitted that the water samples exceeded the legal limit on eleven days, not the two it originally "
    "reported. The Environment Agency has opened a formal investigation. And the chief executive's bonus, which was "
    "£1.2 million last year, has been deferred pending the outcome. Credit to the paper for keeping at it, because none "
    "of this would have come out otherwise.",

    "For anyone thinking about solar panels after this article, here's our experience. We had a 4kW system installed in "
    "2022 for £6,800, without a battery. In a full year it generated about 3,600 kWh, and because we're at home during the "
    "day we used around half of it directly. The rest we export for 15p per unit under the Smart Export Guarantee. Our "
    "electricity bill has dropped by roughly £700 a year, so the payback time is around nine or ten years. Worth it for us, "
    "but it depends a lot on your roof and your habits.",

    "I think the club has made the right decision in appointing someone from inside. The last three managers came in with "
    "big reputations and wanted to rebuild the squad from scratch, which meant spending money we don't have. The new "
    "manager knows the academy players, knows the budget, and has already shown with the under-21s that he can get a team "
    "playing good football. It might not be the exciting appointment some fans wanted, but stability is exactly what this "
    "club has been missing for five years.",

    "This is a balanced piece, but I'd add one thing about the four-day week trial. The companies that took part chose to "
    "join, so they were probably the ones most likely to make it work. Of the 61 firms in the UK pilot, 56 continued "
    "afterwards, which is impressive, but it doesn't tell us what would happen in a hospital, a factory or a shop where "
    "someone needs to be present all day. I'd like to see a trial in a sector like that before drawing big conclusions "
    "about the whole economy.",

    "The planning application is public, by the way, for anyone who wants to read it rather than rely on rumours. It's on "
    "the council's planning portal under reference 23/01456/FUL. The proposal is for 120 homes, of which 36 would be "
    "affordable, a new primary school site and a contribution of about £900,000 towards the road junction. You can leave "
    "comments there until the 14th. Whether you support it or not, a comment on the portal counts for a lot more than one "
    "on a news site.",

    "I run a small bookshop and wanted to respond to the piece about online retailers. Amazon sells many new hardbacks at "
    "40% below the publisher's price, which is often less than we pay the wholesaler. We can't compete on price, so we "
    "compete on recommendations, events and being a place people enjoy visiting. Last year we hosted 38 author evenings "
    "and the school book fair. Sales are up slightly, which surprised me. I'd just ask readers to remember that if you "
    "browse in a shop and buy online, eventually the shop won't be there.",

    "I'm a retired police officer and I think the article is fair, but it misses why response times have got worse. It's "
    "not only the number of officers, which has recovered to about 2010 levels nationally. It's that a large share of "
    "their time now goes on mental health calls, missing people and waiting with patients at hospital, work that used to "
    "be done by other services before they were cut. When I started, a patrol car would attend a burglary within the hour. "
    "Now officers can spend a whole shift in A&E.",

    "Having read both the article and the minister's statement, I think the key question hasn't been answered. If the new "
    "rail line is cut back to end at the suburbs rather than the city centre, how many passengers will actually use it? "
    "The original forecast of 300,000 journeys a day assumed direct access to the centre. Without that, people will have "
    "to change trains or take a tram, and some will simply drive. I'd like the department to publish an updated forecast "
    "before any more money is spent.",

    "Lists of the best places to live always make me smile. Our town came 14th this year, apparently for its schools, "
    "green spaces and low crime. All true. What the list doesn't measure is that the last bus leaves at 7pm, the nearest "
    "cinema is 25 minutes' drive away and house prices have risen 30% in five years, so the young people who grew up here "
    "can't afford to stay. It's a lovely place to live if you are already settled and own a car.",

    "Some facts that might help the discussion, all from the Met Office's public climate summaries. The UK's ten warmest "
    "years on record have all happened since 2002. 2022 was the first year the annual mean temperature passed 10 degrees. "
    "Winter rainfall in Scotland has increased by around 19% compared with the 1960s. None of that tells you which policy "
    "is best, and reasonable people can disagree about costs and timing, but the basic trend isn't really in dispute.",

    "I want to thank the reporter for covering this. My daughter waited 14 months for an autism assessment, and during "
    "that time the school couldn't apply for extra support because there was no diagnosis. She missed most of Year 8. "
    "When the assessment finally happened it took two hours and confirmed what everyone already knew. I understand that "
    "specialists are in short supply, but making support depend on a diagnosis that takes more than a year is a policy "
    "choice, and it could be changed.",

    "Quick summary for anyone who doesn't want to read the whole thing: the budget raises the personal allowance by £500, "
    "freezes fuel duty for another year, puts 2p on a pint of beer, increases the state pension by 8.5% under the triple "
    "lock and cuts the main rate of National Insurance by 2p. The independent forecasters say the tax burden will still be "
    "at its highest level since the 1940s because thresholds stay frozen. Whether that's good or bad depends on your "
    "politics, but those are the main points.",

    "I'm a landlord with two flats, and I'd like to offer a different view from the comments saying all landlords are "
    "rolling in money. My mortgage payments went up by £640 a month when my fixed rate ended last year. I've raised the "
    "rent by £75, which my tenants, who've been with me for six years, were understanding about. I'm not asking for "
    "sympathy, but the picture is more complicated than the headline. Many small landlords are selling up, and that means "
    "fewer homes to rent, not more homes to buy.",

    "The new library is lovely and I've been in three times already, but the opening hours are a real problem. It closes "
    "at 5pm on weekdays and isn't open at all on Sundays, which means anyone who works a normal job can only visit on "
    "Saturday mornings. The old library was open until 7pm twice a week. I understand staff costs money, but a building "
    "that cost £8 million should be open when people can use it. Even one late evening would make a big difference.",

    "My husband is a farmer and he asked me to post this. The new subsidy scheme pays farmers to leave field margins wild "
    "and plant hedges, which is a good idea, and we've signed up. But the payments arrived seven months late last year and "
    "the online system crashed repeatedly during the application window. For a family farm with thin margins, that delay "
    "meant borrowing to pay for seed. Most farmers here want to do the environmental work; they just need the government "
    "to pay on time.",

    "I've used the app the article mentions, and I'd be cautious. It's useful for finding cheaper petrol, and it saved me "
    "about 8p a litre last week by pointing me to a supermarket station two miles further away. But it also asks for a "
    "lot of permissions, including your location in the background, and its privacy policy says data may be shared with "
    "partners. The government's own fuel price finder, which should be launched next year, will hopefully do the same job "
    "without the data collection.",

    "As someone who moved here from Lisbon six years ago, I found this article very interesting. The process of getting "
    "settled status was straightforward for me, but my friend's application took eleven months because of a mistake with "
    "her employment records, and during that time she couldn't change jobs or rent a new flat without problems. Most of "
    "us who came here want to contribute and stay. A system that works smoothly helps everyone, including employers who "
    "rely on us.",

    "I think the comparison with Germany in the article is a bit misleading. German households pay more per unit of "
    "electricity, about 40 euro cents per kWh at the moment, but they also use less on average because homes are better "
    "insulated. So annual bills end up closer than the unit price suggests. If we want lower bills here, insulation is "
    "one of the cheapest options, and the last two insulation schemes were cut early. That seems like the real story to me.",

    "The reporter should be commended for checking the claims made in the leaflet. I received the same leaflet and it "
    "said the council had cut spending on roads by 50%. The council's published accounts show a fall from £14.2 million "
    "to £11.9 million over four years, which is about 16%. That's still a significant cut, and it's fair to criticise it, "
    "but it's nowhere near half. All parties do this at election time, and I wish they'd stop, because it makes people "
    "trust every number less.",

    "For those asking about the volunteer scheme mentioned at the end: you can sign up through the hospital trust's "
    "website, and there's a short online form followed by a DBS check and a half-day induction. Roles include driving "
    "patients to appointments, helping on the wards at mealtimes and staffing the information desk. I've been doing it "
    "for two years, about four hours a week, and it's one of the best things I've done since retiring. They're especially "
    "short of drivers in the rural areas.",

    "My worry about the new ID requirement at polling stations is practical rather than political. My father is 87, no "
    "longer drives and let his passport expire years ago. He can apply for a free voter authority certificate, but he "
    "didn't know it existed until I told him, and the deadline is six working days before the election. The Electoral "
    "Commission estimated that around 14,000 people were turned away at the last local elections. Even if the policy has "
    "a purpose, more effort should go into telling people.",

    "I've been a season ticket holder for 22 years and I think the price rise is the wrong decision. My seat has gone from "
    "£495 to £560, which is a 13% increase in one go, while the club's own accounts show record income from broadcasting. "
    "I can afford it, just, but a lot of the older fans around me are on pensions and have said this is their last season. "
    "The atmosphere in the ground is what makes the club special, and it comes from those people, not from the corporate "
    "boxes.",

    "This might be a boring comment, but I just want to say the new recycling system is working well on our street. The "
    "separate food waste bin means the general waste doesn't smell any more, and our black bag has gone from full every "
    "week to about half full. The council says recycling rates went from 41% to 49% in the pilot areas. It took a couple "
    "of weeks to get used to, and the leaflet was confusing, but overall it's an improvement and I wanted to say so, "
    "because the comments are usually only complaints.",

    "A few people have asked how to check whether a charity collecting on the street is genuine. You can search any "
    "registered charity by name or number on the Charity Commission's register at gov.uk, which shows its income, "
    "spending and trustees. Legitimate street collectors should carry a badge and, in most council areas, a permit. If "
    "in doubt, don't give cash on the doorstep; donate directly through the charity's website instead. Most collectors "
    "are honest volunteers, but it takes two minutes to check.",

    "I've read all the comments and I think we agree more than it seems. Nobody here wants the river polluted, and nobody "
    "wants water bills to double. The question is who pays for the new sewage infrastructure: shareholders through lower "
    "dividends, customers through higher bills, or taxpayers through public investment. The regulator's figures say "
    "the water companies paid out around £2.5 billion in dividends in the last few years while debt rose. Those numbers "
    "should be the starting point for the discussion.",

    "As a GP receptionist I'd like to explain the 8am phone queue, because I know it makes people furious. We have two "
    "receptionists for a practice of 11,000 patients, and on a Monday morning we might get 400 calls in the first hour. "
    "We release appointments each morning because if we book them weeks ahead, people who are acutely ill can't be seen. "
    "The online booking system is supposed to help, but many of our patients are elderly and prefer the phone. More "
    "doctors would fix this; nothing else really will.",

    "I went to the public meeting about the wind farm last night and it was much calmer than the article suggests. Around "
    "150 people came, and most of the questions were about the access road, the construction traffic and whether the "
    "village would get any benefit. The developer offered a community fund of £5,000 per turbine per year, which for "
    "twelve turbines would be £60,000. Several people felt that wasn't enough given the years of disruption. I'm still "
    "undecided, but it was a useful evening.",

    "To the person asking why the bridge repair is taking so long: the council's update, which is on its website, says "
    "the original survey found corrosion in the steel supports that wasn't visible before the deck was lifted. The "
    "repair now needs specialist steel that has a twelve-week lead time. It's frustrating, especially for the businesses "
    "on the other side, but it's better to fix it properly than to reopen a bridge that isn't safe. The revised date is "
    "the end of October.",

    "Having worked in supermarkets for fifteen years, I can tell you the shrinkflation mentioned here is real but often "
    "misunderstood. When a chocolate bar goes from 200g to 180g at the same price, that's effectively an 11% rise that "
    "doesn't show up if you only look at the shelf price. Some chains now show the price per 100g on the shelf label, "
    "which is the best way to compare. It's small print, but once you start looking at it, you'll notice how often the "
    "big multipack isn't actually cheaper.",

    "I'm glad this was covered, because the closure of the maternity unit affects far more people than the headline "
    "suggests. Women from the valleys will now have to travel up to an hour in labour to reach the nearest unit, and in "
    "winter the mountain road is often closed. The health board says the unit was struggling to recruit midwives, which I "
    "believe, but closing it solves their staffing problem by moving the risk onto mothers. There must be a better way, "
    "perhaps a midwife-led unit with good transfer arrangements.",

    "I'd like to add some balance to the debate about tourists. Yes, the town is packed in August, parking is impossible "
    "and rents have gone up because so many houses are now holiday lets, over 20% in some streets. But tourism also pays "
    "for a lot of the jobs here, including my daughter's. The answer isn't to discourage visitors; it's to limit the "
    "number of second homes and holiday lets, as Wales has started to do with higher council tax. Let's see how that works "
    "before we try anything more drastic.",

    "I appreciate the explainer on the pension changes, but I think it should mention the online tools. The government's "
    "check your State Pension service on gov.uk shows exactly how many qualifying years you have and whether filling any "
    "gaps with voluntary contributions is worth it. I found I had two missing years from when I was working abroad, and "
    "filling them cost about £800 each but will add roughly £650 a year to my pension for life. It's worth ten minutes of "
    "anyone's time.",

    "Reading this as a former refugee myself, I want to say thank you to the volunteers mentioned in the article. When my "
    "family arrived in 2001 we had nothing, didn't speak the language and didn't know anyone. A retired teacher from the "
    "church down the road came every Tuesday for two years to help us with English and paperwork. My sister is now a "
    "doctor and I work as an engineer. People like her rarely make the news, but they change lives quietly.",

    "This is a good example of why local journalism matters. Without this paper, nobody would have known that the "
    "contract for the leisure centre was awarded without a proper tender, or that one of the directors of the winning "
    "company was married to a councillor. The council's response, that all procedures were followed, doesn't really "
    "address the conflict of interest. I hope the monitoring officer looks into it properly, and I hope the paper keeps "
    "following up. This is exactly what subscriptions are for.",

    "I'm an engineer who has worked on several large infrastructure projects, and overruns like this one are unfortunately "
    "common. The initial budget is usually set before detailed design, when nobody knows what's underground, and the "
    "political pressure is to make the number look small. When the real costs appear, the project is too far along to "
    "cancel. Countries like Spain and Italy build tunnels and railways for a fraction of our cost per kilometre, partly "
    "because they use standard designs and keep experienced teams together between projects.",

    "I take the 6.40 train into the city every day, and the timetable change in December has made my commute about 15 "
    "minutes longer each way. The fast service that used to stop at our station now skips it, so we have to take the "
    "stopping train, which calls at nine stations. Over a year that's more than 100 extra hours on a train. I understand "
    "the operator is trying to speed up journeys for the bigger towns, but the smaller stations are always the ones that "
    "lose out.",

    "I looked up the school's Ofsted report after reading this, because the article only quotes one sentence from it. The "
    "full report, which anyone can read on the Ofsted website, rates the school as requiring improvement overall, but "
    "good for personal development and for its sixth form. The main concern was inconsistent teaching in maths at key "
    "stage three, which the new head has already said she is addressing. That's a more mixed picture than the headline "
    "'failing school' suggests.",

    "I think the council is right to introduce the 20mph limit in residential streets, but wrong to apply it to the main "
    "roads too. On our estate, where children play outside and there are no pavements on some roads, 20mph makes a lot of "
    "sense. On the dual carriageway into town it just frustrates people and encourages them to ignore the limit "
    "everywhere. In Wales, the government ended up reviewing thousands of roads after the blanket change. A street by "
    "street approach would have avoided a lot of anger.",

    "Some history that might interest people: the mill in the photo was built in 1832 and at its peak employed over 1,200 "
    "workers, many of them children under twelve until the Factory Acts changed that. It stopped producing cotton in "
    "1959 and was used as a warehouse until the 1990s. The plan to turn it into flats and workshops has been approved "
    "twice before and collapsed both times when the developer went bust. Let's hope the third time works, because it's a "
    "remarkable building.",

    "I volunteer at the food bank at St Mark's and want to put the numbers in the article into context. Last year we gave "
    "out around 4,800 parcels, compared with about 1,900 five years ago. The biggest change is who comes in: we now see "
    "many more working families, often with two jobs between them, whose wages simply don't cover rent, energy and food. "
    "We're always short of tinned meat, UHT milk, toiletries and nappies, if anyone reading wants to help. Cash donations "
    "also let us buy exactly what's needed.",

    "I don't normally comment, but the article about the bus company's profits made me look up their annual report. "
    "Operating profit was £38 million on revenue of about £410 million, a margin of around 9%. They also received £52 "
    "million in public subsidy for tendered routes and fare caps. So it's not quite true that they're making huge profits "
    "at our expense, but it's also not true that they couldn't afford to keep the evening services. Both the company and "
    "its critics are exaggerating a little.",

    "Thank you for a thoughtful obituary. Mrs Okafor taught me chemistry in the 1990s and was the first teacher who made "
    "me believe I could go to university. She stayed after school every Wednesday for anyone who needed help, and she "
    "remembered every student's name years later. When I became a pharmacist I wrote to tell her, and she wrote back a "
    "two-page letter. I still have it. There must be thousands of people in this town who owe her something.",

    "I think the article underestimates how much the tram extension has already changed the area. Since it opened in "
    "2021, three new cafés and a bike shop have opened near the stop, and the empty office block across the road has been "
    "converted into flats. The official figures show passenger numbers at about 80% of the forecast, which isn't perfect "
    "but is better than critics predicted. The real test will be whether the planned second phase to the hospital goes "
    "ahead, because that's where the demand is.",

    "My two cents as an accountant, since there's some confusion in the comments about the tax change. Raising the "
    "threshold for the higher rate doesn't only benefit people earning above it; it also affects everyone whose income "
    "crosses the old threshold, because they pay 20% instead of 40% on that slice. Someone on £55,000 would save around "
    "£500 a year, and someone on £120,000 would save the same amount, not more, because of how the bands work. Everyone "
    "below the old threshold gets nothing from it.",

    "Every year the same thing happens with the Christmas market: it opens, everyone complains about £7 mulled wine and "
    "£12 bratwurst, and then everyone goes anyway. I went on Saturday with the kids and we spent about £45 in an hour. "
    "It was crowded and expensive, but the ice rink was great and the brass band were brilliant. I'd just ask the council "
    "to put a few more bins and toilets around the square, because by 8pm it was a mess.",

    "Regarding the question about whether the new vaccine is safe for pregnant women: the NHS website has a clear page "
    "on this, and the advice is based on data from many thousands of pregnancies in several countries. My midwife "
    "recommended it and explained the evidence, and I had it at 30 weeks with no problems beyond a sore arm. I'm not "
    "telling anyone what to do, but please talk to your midwife or GP rather than relying on what you read in comment "
    "sections, including mine.",

    "As a long-term reader of this paper I've noticed the comments under crime stories getting angrier every year, and I "
    "think it's worth looking at the actual trend. The Crime Survey for England and Wales, which asks people directly "
    "rather than relying on police records, shows overall crime has fallen by more than half since the mid-1990s. Some "
    "types, like fraud and online crime, are rising, and knife crime has gone up in some cities. But the general picture "
    "is very different from the impression you'd get from social media.",

    "I moved back to my home town last year after twenty years in London and the difference in cost is striking. A "
    "two-bed flat here rents for about £750 a month, against £2,100 for something similar where I was in Hackney. My "
    "commute is a ten-minute walk. The downside is that salaries are lower and there are fewer jobs in my field, so I "
    "work remotely for a London company three days a week. I think hybrid work is quietly changing places like this "
    "more than any regeneration scheme.",

    "I'd like the paper to follow up on the promise, made in this article two years ago, that the new health centre would "
    "open by the spring of 2024. The building is finished and has been empty since last summer. According to a reply to "
    "a freedom of information request that someone posted on the WhatDoTheyKnow website, the delay is about which "
    "organisation pays for the fit-out and the IT systems. Residents of the estate are still travelling two bus rides to "
    "see a doctor while the building sits there.",

    "I spent forty years as a postman, so I read this piece with a lot of feeling. When I started, we delivered twice a "
    "day, six days a week, and knew every household on our round. Now letter volumes have fallen by more than half since "
    "2004 and parcels have taken over, which is a very different job with heavier loads and tighter schedules. The "
    "universal service obligation is worth protecting, especially for rural areas, but I don't think it can survive in "
    "its current form without some changes to delivery days.",

    "It's easy to be cynical about the tree planting target, but our village has actually done it. Over three winters, "
    "volunteers planted about 6,000 native trees on land donated by two farmers and the parish council, using free "
    "saplings from the Woodland Trust's schemes. The survival rate is around 85%, partly because we water them through "
    "the first dry summer. It's not going to solve climate change, but the kids who helped plant them will walk in that "
    "wood for the rest of their lives.",
]:
    add(t, **CIVIL)
for t in [  # a few longer ones, 120-180 words
    "I have been reading this paper for most of my adult life and I want to explain, calmly, why I think this editorial "
    "gets the housing question wrong. It argues that planning rules are the main reason homes are unaffordable, and "
    "that scrapping them would bring prices down. Planning is part of the story, but it isn't the whole of it. Between "
    "2010 and 2020, interest rates were at historic lows, which allowed buyers to borrow far more and pushed prices up "
    "regardless of how many homes were built. At the same time, councils almost stopped building social housing, from "
    "around 40,000 homes a year in the 1970s to a few thousand. Developers also build at the pace that keeps local prices "
    "stable, which is sensible for them but slow for everyone else. If we want cheaper homes, we probably need reform of "
    "planning, a serious public building programme and changes to how land is valued, all at once. Blaming one factor "
    "makes for a neat column but not a good policy.",
    "Some context on the school funding figures, because I've worked as a school business manager for twelve years and "
    "the numbers in the comments are all over the place. Our secondary school receives roughly £6,100 per pupil this year. "
    "That sounds like a lot, and in cash terms it's more than ten years ago, but our costs have risen faster. Staff pay "
    "rises were agreed nationally without being fully funded, our energy bill went from £90,000 to £230,000 in two years, "
    "and the support we provide for pupils with special educational needs has grown enormously while the extra funding "
    "for it hasn't kept up. The Institute for Fiscal Studies, which publishes its analysis free online, estimates that "
    "real spending per pupil only returned to 2010 levels in 2024. So both the government and the unions are quoting "
    "accurate figures; they just start from different years. What parents notice is larger classes, fewer teaching "
    "assistants and fewer trips.",
    "I was at the flower show all weekend as a volunteer steward and I'd like to give a fuller picture than the short "
    "report above. Attendance was around 31,000 over the three days, slightly down on last year because of Saturday's "
    "rain, but Sunday was the busiest day in the show's history. The new shuttle bus from the station worked very well "
    "and took a lot of traffic off the lanes, so thank you to the bus company for putting on extra vehicles. The "
    "children's growing competition had over 400 entries from local primary schools, which was wonderful to see. The one "
    "real problem was the queue for the car park at closing time on Sunday, which took some people over an hour. The "
    "organisers have already said they'll open a second exit next year. For a show run almost entirely by volunteers, I "
    "thought it was a triumph.",
    "I don't usually write long comments, but as someone who has spent thirty years in the fishing industry I feel I "
    "should explain the quota story from our side. The headline makes it sound as if fishermen simply want to catch more "
    "fish. Most of us want the opposite: healthy stocks, because our children will be the ones fishing them. The problem "
    "is how quotas are shared. A large proportion of our national quota is owned by a handful of big companies, some of "
    "them foreign-owned, while the small boats under ten metres, which make up most of the fleet by number, share a tiny "
    "fraction. That is why harbours like ours have lost boats every year even when the total catch allowed has gone up. "
    "Changing who holds the quota would do more for coastal towns than any change in the overall amount. The government "
    "has the power to do this and has chosen not to.",
]:
    add(t, **CIVIL)
for t in [  # shorter civil comments that cite prices, companies, products, statistics and public websites
    "A pint in the pub by the station is now £6.20. Ten years ago it was £3.50.",
    "The Apple event announced the new iPhone at $799, same as last year.",
    "Tesla cut the price of the Model 3 again, it's now under £40,000 here.",
    "Ryanair's baggage fees are now higher than the ticket on some routes.",
    "BP reported profits of $13.8 billion for the year, according to the article.",
    "The full Met Office forecast is on metoffice.gov.uk, it says the rain clears by Thursday.",
    "You can see the official results for every ward on the electoral commission's site.",
    "The census data is free at ons.gov.uk if anyone wants to check the local figures.",
    "Unemployment is 4.2%, the lowest it's been since the 1970s apart from 2022.",
    "The WHO's page on measles explains the vaccination figures better than this article does.",
    "My Spotify subscription went from £9.99 to £11.99 this year.",
    "Netflix, Disney+ and Amazon Prime together cost us over £30 a month now.",
    "The Lidl on Church Street sells the same cereal for £1.15 less than the corner shop.",
    "Petrol is 142.9p a litre at the Sainsbury's garage this morning.",
    "The bill is on legislation.gov.uk if you want to read section 3 yourself.",
    "According to Wikipedia, the bridge was completed in 1894.",
    "John Lewis is closing 16 stores, including ours.",
    "Our water bill went up 11% this April, from £432 to £480 a year.",
    "The BBC's article on this had a useful chart showing the same trend.",
    "Shopping list for the food bank: tinned fish, pasta sauce, rice, tea bags, UHT milk, shampoo, toothpaste.",
    "Things I'd change: 1. more late buses 2. cheaper parking 3. a proper crossing outside the school.",
    "Pros: cheaper, faster, greener. Cons: no trains after 11pm and the station has no lift.",
    "The league table is on the Premier League website and we're three points off the top four.",
    "Inflation was 3.2% last month according to the ONS, down from 3.4%.",
    "Amazon's warehouse near the motorway employs about 2,000 people, mostly on temporary contracts.",
    "The ticket prices for the concert are £85 to £250, which is too much for most families.",
    "Google Maps still shows the bridge as open, which is confusing visitors.",
    "The average house price here is £268,000 according to the Land Registry.",
    "IKEA's new store will open in the old Debenhams building next spring.",
    "The university's fees for international students are £24,000 a year.",
    "The rail fare rise is capped at 4.9% this year, the Department for Transport says.",
    "My broadband provider raised my bill by CPI plus 3.9% in the middle of my contract.",
    "The recall notice for the baby formula is on the Food Standards Agency website with the batch numbers.",
    "Aldi and Lidl now have a combined market share of about 18%, more than Morrisons.",
    "The library lends e-books through the Libby app for free, most people don't know that.",
    "Over 62,000 people signed the petition on the parliament petitions site, so it will be considered for debate.",
]:
    add(t, **CIVIL)
_mark("23 not spam: long civil comments, prices, companies, sites (spam=0)", _s)

# 24-28. templated rows for the functionalities the hand-written rows above teach too thinly (session 5): each
#     template is crossed with a seeded sample of groups or people, and every hateful template has civil
#     counterparts built on the same groups, so that the model learns the construction, not the group name.
import random as _random
_rng = _random.Random(24)
G = [("women", "a woman"), ("trans people", "a trans person"), ("gay people", "a gay person"),
     ("Black people", "a Black person"), ("disabled people", "a disabled person"), ("Muslims", "a Muslim"),
     ("immigrants", "an immigrant"), ("Jews", "a Jew"), ("refugees", "a refugee"), ("Mexicans", "a Mexican"),
     ("Asians", "an Asian"), ("Arabs", "an Arab"), ("Roma", "a Roma"), ("lesbians", "a lesbian"),
     ("Hindus", "a Hindu"), ("Africans", "an African"), ("Chinese people", "a Chinese person"),
     ("bisexual people", "a bisexual person"), ("Latinos", "a Latino"), ("Sikhs", "a Sikh"),
     ("asylum seekers", "an asylum seeker"), ("Pakistanis", "a Pakistani"), ("Somalis", "a Somali"),
     ("gay men", "a gay man"), ("Indigenous people", "an Indigenous person"), ("autistic people", "an autistic person")]
NEG = ["lazy", "dishonest", "filthy", "violent", "stupid", "primitive", "worthless", "disgusting", "dangerous",
       "inferior", "untrustworthy", "backward", "useless", "greedy", "savage"]
POS = ["honest", "intelligent", "trustworthy", "decent", "capable", "hard-working", "civilised", "loyal",
       "human", "equal to us"]
PRIV = ["vote", "own property", "teach children", "adopt", "run for office", "serve on a jury", "live here",
        "work in hospitals", "marry", "lead a company"]
def _sample(seq, k):
    return _rng.sample(seq, min(k, len(seq)))
def _cross(templates, k, **labels):
    for t in templates:
        for pl, sg in _sample(G, k):
            add(t.format(g=pl, G=pl[0].upper() + pl[1:], a=sg, A=sg[0].upper() + sg[1:],
                         neg=_rng.choice(NEG), pos=_rng.choice(POS), priv=_rng.choice(PRIV)), **labels)
def _people(templates, people, k, **labels):
    """Each template with k of the people: {p} as written, {P} capitalised (the person-level twin of _cross)."""
    for t in templates:
        for p in _sample(people, k):
            add(t.format(p=p, P=p[0].upper() + p[1:]), **labels)

# 24. hate phrased as a question (hate, toxic) and curious or concerned questions about the same groups (civil)
_s = len(rows)
_cross(["Why are {g} so {neg}?", "Why are {g} always this {neg}?", "Why do {g} have to be so {neg} all the time?",
        "Has anyone ever met {a} who wasn't {neg}?", "Why should {g} be allowed to {priv}?",
        "Who in their right mind lets {g} {priv}?", "When will people admit that {g} are {neg}?",
        "Isn't it obvious by now that {g} are {neg}?", "What do you expect from {g}, honestly, except trouble?",
        "Can you name one {neg} thing {g} haven't done?", "How much longer do we have to put up with {g}?",
        "Why do we keep pretending {g} are {pos}?"], 9, **HATE)
_cross(["Why are {g} underrepresented in parliament?", "Do {g} face more discrimination when renting a flat?",
        "How many {g} live in this town, does anyone know?", "Why do {g} earn less on average, is it discrimination?",
        "Has anyone asked {g} what they think of the new law?", "Should {g} get more support from the council?",
        "Why is it still so hard for {g} to {priv}?", "Are {g} more likely to be victims of hate crime?",
        "What can we do to make {g} feel welcome here?", "Why do people keep blaming {g} for everything?",
        "Is it true that {g} were left out of the consultation?", "Do you think {a} could win the next election?"],
       9, **CIVIL)
_mark("24 hate as questions (hate) and questions about groups (civil)", _s)

# 25. hate expressed by negating something positive (hate, toxic); negated or denied hate (civil)
_s = len(rows)
_cross(["{G} will never be {pos}, whatever the activists claim.", "I don't think {g} are {pos}, not even slightly.",
        "{G} aren't real people to me.", "No {g} should ever be allowed to {priv}.",
        "I will never accept {a} as my equal.", "There is nothing {pos} about {g}.",
        "{G} have never contributed anything of value to this country.", "I can't stand {g}, not one of them.",
        "{G} don't deserve any rights in this country.", "I would never let {a} near my children.",
        "Not a single one of those {g} can be trusted.", "{G} are no better than animals."], 9, **HATE)
_cross(["{G} are not {neg}, and saying so is just prejudice.", "I don't think {g} are {neg} at all.",
        "It is simply not true that {g} are {neg}.", "No one should ever be treated badly for being {a}.",
        "I would never judge {a} by where they come from.", "Being {a} is nothing to be ashamed of.",
        "{G} aren't the problem here, the housing shortage is.", "Nobody should hate {g}, full stop.",
        "I've never had a problem with {g} in my street.", "{G} don't deserve the abuse they get online.",
        "Not every {neg} person is {a}, and not every {a} is {neg}.", "I don't hate {g}, I hate this policy."],
       9, **CIVIL)
_mark("25 hate by negation (hate) and negated hate (civil)", _s)

# 26. implicit derogation without abusive words (hate, toxic), and civil statements about the same groups
_s = len(rows)
_cross(["{G} only come here for the benefits.", "Once {g} move onto an estate it goes downhill fast.",
        "Let {g} into your street and watch the prices fall.", "{G} should stick to cleaning and leave the thinking to us.",
        "Keep {g} away from our schools.", "{G} have no place in our armed forces.",
        "{G} breed faster than we can build houses for them.", "Every {a} I've met was {neg}, it's in their nature.",
        "{G} are a drain on this country and everyone knows it.", "{G} can't be trusted with anything important.",
        "It's in the genes: {g} will always be {neg}.", "Hire {a} and you'll regret it within a week.",
        "{G} are a disease this country needs to be cured of.", "{G} are vermin, plain and simple."], 8, **HATE)
_cross(["{G} pay taxes and contribute like everyone else.", "{G} have lived in this neighbourhood for generations.",
        "My new colleague is {a} and she is brilliant at her job.", "The report found {g} are more often refused jobs.",
        "{G} are welcome in our schools and our clubs.", "{G} have served in our armed forces for decades.",
        "Housing is short for everyone, {g} included.", "I've known {g} all my life, they're just people.",
        "The new centre will help {g} find work.", "Many {g} volunteered at the food bank last winter.",
        "The council met {g} from the estate to hear their concerns.", "{G} deserve the same respect as anyone."],
       8, **CIVIL)
_mark("26 implicit derogation (hate) and civil statements about groups (civil)", _s)

# 27. threats against a person: conditional, veiled and implied (threat, toxic) and sharp but lawful pressure
#     on the same people (civil: votes, complaints, courts, resignation)
P = ["the judge", "the mayor", "the author", "the editor", "the councillor", "the referee", "the reporter",
     "that MP", "the headteacher", "the minister", "the landlord", "my neighbour", "the senator", "that columnist"]
HARM = ["break your jaw", "put you in hospital", "smash your teeth in", "stab you", "shoot you",
        "break your legs", "make you disappear", "burn your car", "hurt you badly", "cut you"]
_s = len(rows)
THREAT = dict(toxic=1, threat=1, obscene=0)
for t in ["Mention my family again and I'll {h}.", "Come near my family once more and I'll {h}.",
          "If I see you in town I'll {h}.", "Keep talking and I'll {h}, I promise you that.",
          "One more word from you and I will {h}.", "Step outside and I'll {h}."]:
    for h in _sample(HARM, 5):
        add(t.format(h=h), **THREAT)
_people(["It would be a real pity if {p} had an accident.", "{P} should be careful on the way home tonight.",
         "We know where {p} lives.", "Somebody should pay {p} a visit he won't forget.",
         "Accidents happen to people like {p}.", "{P} won't be so brave when we find him alone.",
         "Tell {p} to check under his car in the morning.", "{P} has kids. Just something to think about.",
         "Let's see how long {p} keeps smiling after we get hold of him.", "{P} should enjoy his last few days.",
         "Someone is going to deal with {p} soon, and not with words.", "I hope {p} is ready for what's coming to him.",
         "Lock me in a room with {p} and see who walks out.", "Publish {p}'s address and let people do the rest.",
         "Watch your back, {p}. We're watching you.", "{P} had better hope we never meet in a dark car park."],
        P, 5, **THREAT)
_people(["{P} should resign before the inquiry reports.", "We will vote {p} out at the next election.",
         "I hope {p} loses his job over this.", "Somebody should report {p} to the standards committee.",
         "{P} won't last long if the polls are right.", "I'd love ten minutes with {p} to ask about the budget.",
         "We know what {p} did, and the court will too.", "{P} should be careful what he promises.",
         "Let's see how long {p} lasts after this scandal.", "{P} is going to regret this decision at the ballot box.",
         "I'll be writing to {p} to complain.", "{P} needs to watch his language in public."],
        P, 5, threat=0, hate=0, obscene=0, spam=0)
_mark("27 threats: conditional, veiled, implied (threat) and lawful pressure (civil)", _s)

# 28. threats against groups phrased as wishes, plans or normative statements (threat, hate, toxic)
_s = len(rows)
_cross(["{G} need to be taught their place, by force if necessary.", "{G} should be afraid to walk our streets at night.",
        "Tomorrow I'm going out to hurt some {g}, who's with me?", "{G} deserve a beating, every last one of them.",
        "It's time we made {g} pay in blood.", "Next time {g} march through here, bring baseball bats."],
       6, toxic=1, hate=1, threat=1, obscene=0)
_mark("28 threats against groups (threat, hate)", _s)

# (29., sessions 17-23: veiled threats and civil look-alikes for the second threat head, written with the functional
#  checks in view. Session 24 replaced them with rows written blind: tools/finetune/rows/veiled-threats-blind.jsonl.)


_checks = os.path.join(os.path.dirname(__file__), "..", "src/main/resources/parley/classify/functional-checks.tsv")
_check_texts = {l.rstrip("\n").split("\t")[-1].strip().lower() for l in open(_checks) if not l.startswith("#")}
# a check sentence is never trained on: rows that repeat one word for word are dropped (three did until session 17)
_dropped = [r["text"] for r in rows if r["text"].strip().lower() in _check_texts]
rows = [r for r in rows if r["text"].strip().lower() not in _check_texts]
print("  dropped (repeat a functional check):", _dropped)

for name, n in section_counts.items():
    print(f"  {name}: {n}")
print("  sections 16+ total:", sum(section_counts.values()))

out = os.path.join(os.path.dirname(__file__), "..", "src/main/resources/parley/augment/parley_augment.jsonl")
with open(out, "w") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(rows), "rows ->", out)
