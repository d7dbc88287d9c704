"""Fictional demo content for Village.

Every person, workplace, article and sentence in this module is invented for
demonstration purposes. Email addresses use the reserved example.org domain.
This module is plain data: the seeding code decides how to turn it into rows.
"""

TOPICS = [
    {
        "slug": "tech-screens",
        "name": "Tech & screens",
        "description": "Phones, tablets, games and finding a screen balance that works for your family.",
    },
    {
        "slug": "e-safety",
        "name": "E-safety",
        "description": "Helping children stay safe, kind and confident online.",
    },
    {
        "slug": "school-learning",
        "name": "School & learning",
        "description": "Homework, teachers, choosing schools and supporting learning at home.",
    },
    {
        "slug": "sleep",
        "name": "Sleep",
        "description": "Bedtimes, night waking and getting everyone in the house enough rest.",
    },
    {
        "slug": "behaviour",
        "name": "Behaviour",
        "description": "Tantrums, tricky phases and the feelings behind the way children act.",
    },
    {
        "slug": "health",
        "name": "Health",
        "description": "Everyday health worries, development and knowing when to see a professional.",
    },
    {
        "slug": "family-life",
        "name": "Family life",
        "description": "Siblings, grandparents, routines and the small hacks that keep a household going.",
    },
    {
        "slug": "your-childs-future",
        "name": "Your child's future",
        "description": "Skills, subject choices, careers and helping children find their own path.",
    },
    {
        "slug": "early-years",
        "name": "Early years",
        "description": "Babies, toddlers and pre-schoolers, from first words to starting school.",
    },
]


PEOPLE = [
    # --- Site team -----------------------------------------------------------
    {
        "key": "nadia",
        "email": "nadia.whitlow@example.org",
        "display_name": "Nadia Whitlow",
        "headline": "Founder @ Village",
        "city": "Bristol",
        "country": "GB",
        "bio": (
            "Nadia started Village after one too many late-night searches that ended in more "
            "worry than answers. She lives in Bristol with her partner and two children, and "
            "still reads every flagged post herself."
        ),
        "role": "admin",
    },
    {
        "key": "owen",
        "email": "owen.pritchard@example.org",
        "display_name": "Owen Pritchard",
        "headline": "Staff Writer @ Village",
        "city": "Cardiff",
        "country": "GB",
        "bio": (
            "Owen spent ten years on a regional paper's education desk before joining Village. "
            "He turns the week's parenting headlines into questions our community can actually answer."
        ),
        "role": "staff_writer",
    },
    {
        "key": "saoirse",
        "email": "saoirse.kelleher@example.org",
        "display_name": "Saoirse Kelleher",
        "headline": "Community moderator @ Village",
        "city": "Galway",
        "country": "IE",
        "bio": (
            "Saoirse keeps Village kind, tidy and on topic. She is a former youth worker and "
            "mum to one very opinionated seven-year-old."
        ),
        "role": "moderator",
    },
    # --- Experts -------------------------------------------------------------
    {
        "key": "priya",
        "email": "priya.raman@example.org",
        "display_name": "Priya Raman",
        "headline": "E-safety trainer for schools",
        "city": "Manchester",
        "country": "GB",
        "bio": (
            "Priya trains teachers, governors and parents on keeping children safe online. "
            "She has visited hundreds of schools and still learns the most from the questions pupils ask."
        ),
        "role": "expert",
        "expertise": "E-safety",
        "verified": True,
    },
    {
        "key": "callum",
        "email": "callum.drummond@example.org",
        "display_name": "Callum Drummond",
        "headline": "Depute head teacher and maths teacher",
        "city": "Edinburgh",
        "country": "GB",
        "bio": (
            "Callum has taught maths in secondary schools for eighteen years and now leads on "
            "pastoral care at a large comprehensive. He is a dad of two and a reluctant school-gate regular."
        ),
        "role": "expert",
        "expertise": "Education",
        "verified": True,
    },
    {
        "key": "helena",
        "email": "helena.voss@example.org",
        "display_name": "Helena Voss",
        "headline": "Paediatric sleep consultant",
        "city": "Dublin",
        "country": "IE",
        "bio": (
            "Helena worked as a children's nurse before specialising in sleep. She helps families "
            "find calm, realistic routines rather than perfect ones."
        ),
        "role": "expert",
        "expertise": "Sleep",
        "verified": True,
    },
    {
        "key": "marcus",
        "email": "marcus.adeyemi@example.org",
        "display_name": "Marcus Adeyemi",
        "headline": "Clinical child psychologist",
        "city": "Chicago",
        "country": "US",
        "bio": (
            "Marcus works with children, teens and their parents on anxiety, behavior and big "
            "transitions. He believes most problems get smaller once the whole family is talking about them."
        ),
        "role": "expert",
        "expertise": "Child psychology",
        "verified": True,
    },
    {
        "key": "fiona",
        "email": "fiona.galbraith@example.org",
        "display_name": "Fiona Galbraith",
        "headline": "Consultant paediatrician",
        "city": "Belfast",
        "country": "GB",
        "bio": (
            "Fiona is a hospital paediatrician with a special interest in child development. "
            "Outside work she coaches a junior netball team and grows far too many courgettes."
        ),
        "role": "expert",
        "expertise": "Paediatrics",
        "verified": True,
    },
    {
        "key": "rosa",
        "email": "rosa.lindqvist@example.org",
        "display_name": "Rosa Lindqvist",
        "headline": "Speech and language therapist",
        "city": "Cork",
        "country": "IE",
        "bio": (
            "Rosa supports children with speech, language and communication needs in clinics and "
            "pre-schools. She grew up speaking three languages and loves helping bilingual families."
        ),
        "role": "expert",
        "expertise": "Speech & language",
        "verified": True,
    },
    {
        "key": "grace",
        "email": "grace.ellery@example.org",
        "display_name": "Grace Ellery",
        "headline": "Safeguarding lead and trainer",
        "city": "Norwich",
        "country": "GB",
        "bio": (
            "Grace is the designated safeguarding lead for a small group of schools and trains "
            "staff on child protection. She is passionate about clear, simple policies that people actually read."
        ),
        "role": "expert",
        "expertise": "Safeguarding",
        "verified": True,
    },
    {
        "key": "tobias",
        "email": "tobias.mendel@example.org",
        "display_name": "Tobias Mendel",
        "headline": "High school careers adviser",
        "city": "Portland",
        "country": "US",
        "bio": (
            "Tobias helps teenagers figure out what comes after high school, from apprenticeships "
            "to college applications. His verification is still being reviewed."
        ),
        "role": "expert",
        "expertise": "Careers & further education",
        "verified": False,
    },
    # --- Parents -------------------------------------------------------------
    {
        "key": "jess",
        "email": "jess.marlowe@example.org",
        "display_name": "Jess Marlowe",
        "headline": "Mum of two and part-time nurse",
        "city": "Leeds",
        "country": "GB",
        "bio": (
            "Jess has a teenage son and a daughter who has just started secondary school. She works nights on a surgical ward "
            "and runs on strong tea and lists."
        ),
        "role": "member",
    },
    {
        "key": "danny",
        "email": "danny.oshea@example.org",
        "display_name": "Danny O'Shea",
        "headline": "Dad of three, runs a bike shop",
        "city": "Kilkenny",
        "country": "IE",
        "bio": (
            "Danny moved home to Ireland after eight years abroad and now fixes bikes for a living. "
            "He also helps coach his daughter's under-12s football team."
        ),
        "role": "member",
    },
    {
        "key": "amara",
        "email": "amara.nwosu@example.org",
        "display_name": "Amara Nwosu",
        "headline": "Software tester and mom of twins",
        "city": "Denver",
        "country": "US",
        "bio": (
            "Amara tests software by day and negotiates with nine-year-old twins by night. "
            "She is happiest on a hiking trail with no signal."
        ),
        "role": "member",
    },
    {
        "key": "liam",
        "email": "liam.fairbairn@example.org",
        "display_name": "Liam Fairbairn",
        "headline": "Stay-at-home dad of one",
        "city": "Glasgow",
        "country": "GB",
        "bio": (
            "Liam left a job in insurance to look after his four-year-old son. He is learning "
            "something new about patience every single day."
        ),
        "role": "member",
    },
    {
        "key": "mei",
        "email": "mei.tanakahughes@example.org",
        "display_name": "Mei Tanaka-Hughes",
        "headline": "Illustrator and mum of a chatty four-year-old",
        "city": "Brighton",
        "country": "GB",
        "bio": (
            "Mei draws children's book covers from a tiny spare room. Her daughter is growing up "
            "with Japanese and English and has strong opinions in both."
        ),
        "role": "member",
    },
    {
        "key": "rafael",
        "email": "rafael.duarte@example.org",
        "display_name": "Rafael Duarte",
        "headline": "Dad of four, ER nurse, weekend soccer coach",
        "city": "Austin",
        "country": "US",
        "bio": (
            "Rafael's kids range from two to fifteen, so he has opinions on every age at once. "
            "He works twelve-hour shifts and coaches soccer on Saturdays."
        ),
        "role": "member",
    },
    {
        "key": "siobhan",
        "email": "siobhan.reilly@example.org",
        "display_name": "Siobhan Reilly",
        "headline": "Primary teacher and mum of three",
        "city": "Limerick",
        "country": "IE",
        "bio": (
            "Siobhan teaches fourth class and has three children of her own at three different "
            "stages. She sees school life from both sides of the gate."
        ),
        "role": "member",
    },
    {
        "key": "kwame",
        "email": "kwame.asante@example.org",
        "display_name": "Kwame Asante",
        "headline": "Dad of two teenagers, works in logistics",
        "city": "Birmingham",
        "country": "GB",
        "bio": (
            "Kwame plans delivery routes for a living and finds teenagers considerably less "
            "predictable. He is trying to stay close to his kids as they grow up fast."
        ),
        "role": "member",
    },
    {
        "key": "ellie",
        "email": "ellie.brandt@example.org",
        "display_name": "Ellie Brandt",
        "headline": "Foster mom and school librarian",
        "city": "Minneapolis",
        "country": "US",
        "bio": (
            "Ellie has fostered children of all ages for nine years. She runs a middle school "
            "library and always has a book recommendation ready."
        ),
        "role": "member",
    },
]


QUESTIONS = [
    # =========================================================================
    # Featured question
    # =========================================================================
    {
        "key": "teacher-in-class-group-chat",
        "featured": True,
        "author": "owen",
        "anonymous": False,
        "title": "Should a class WhatsApp group include the teacher?",
        "body": (
            "A secondary school in this week's news has asked every form tutor to join their "
            "class's WhatsApp group, on the grounds that an adult in the chat will stop the unkind "
            "messages that keep spilling over into lessons. Some parents are delighted; others say "
            "a teacher has no business being inside their child's phone.\n\n"
            "I can see both sides. Would a teacher in the group make children safer, or does it "
            "blur a line that ought to stay sharp? And if not WhatsApp, what should schools be "
            "using instead?"
        ),
        "topics": ["e-safety", "school-learning", "tech-screens"],
        "source_url": "https://news.example.org/education/2021/form-tutors-join-class-group-chats",
        "source_title": "this newspaper piece",
        "days_ago": 1478,
        "answers": [
            {
                "author": "nadia",
                "kind": "opinion",
                "body": (
                    "I think the article muddles two quite different questions, and it's worth "
                    "pulling them apart:\n\n"
                    "1. **Should a teacher sit inside a chat the children made for themselves?**\n"
                    "2. **Should schools offer a proper messaging channel for pupils and families?**\n\n"
                    "On the first, my answer is no. A class group chat is the modern version of the "
                    "back seat of the school bus: it's the children's social space. A teacher in it "
                    "is either a silent observer, which feels like surveillance, or an active member, "
                    "which turns them into a peer rather than a professional. Neither helps. It also "
                    "puts a teacher's personal number into thirty pockets, and I don't think we should "
                    "ask that of anyone.\n\n"
                    "On the second, yes, absolutely. Schools that refuse to engage with messaging leave "
                    "a gap that children simply fill on their own. A good school channel should be:\n\n"
                    "1. run from a school account, never a personal number;\n"
                    "2. visible to at least two members of staff;\n"
                    "3. mainly for announcements, with clear hours when nobody expects a reply;\n"
                    "4. shared with parents, so families know what is being said.\n\n"
                    "So: keep teachers out of the kids' chat, and give the kids a better, safer one "
                    "for school things."
                ),
                "days_ago": 1476,
                "helpful": 7,
                "replies": [
                    {
                        "author": "siobhan",
                        "body": (
                            "Speaking as a primary teacher, thank you for point 1. A parent once added "
                            'me to a class chat "to help" and leaving felt so rude. I left anyway.'
                        ),
                        "days_ago": 1474,
                        "replies": [
                            {
                                "author": "nadia",
                                "body": (
                                    "Leaving was the right call, and it isn't rude, it's a boundary. A "
                                    'short "I\'ll be in touch through the school office" does the job nicely.'
                                ),
                                "days_ago": 1473,
                                "replies": [
                                    {
                                        "author": "siobhan",
                                        "body": "That's more or less what I wrote. She was grand about it in the end.",
                                        "days_ago": 1472,
                                    },
                                ],
                            },
                        ],
                    },
                    {
                        "author": "callum",
                        "body": (
                            "Agree with your list. I'd add a fifth: a named person who checks every term "
                            "that the channel is still being used for what it was set up for."
                        ),
                        "days_ago": 1471,
                    },
                ],
            },
            {
                "author": "priya",
                "kind": "opinion",
                "body": (
                    "This comes up in almost every staff training session I run, and my answer is "
                    "always the same: professional relationships need professional channels.\n\n"
                    "When a teacher joins a pupils' group on their own phone, several things happen at "
                    "once. Their number travels far beyond the class. Any private message a pupil sends "
                    "them sits outside every school system, so if there is ever a concern, from either "
                    "side, there is no record the school can look at. And children quickly stop seeing "
                    'the difference between "my teacher" and "someone in my chat", which is exactly '
                    "the line we try to teach them to notice online.\n\n"
                    "None of that means schools should ignore group chats. The unkindness the article "
                    "describes is real, and it's better tackled by teaching pupils how to mute, leave, "
                    "screenshot and report, and by making sure every child can name an adult to tell. "
                    "We've written a short guide for families on talking through group-chat manners at "
                    "home: [Group chats: a family conversation starter](https://example.org/guides/group-chats).\n\n"
                    "If a school wants to message pupils directly, it should use a platform it controls, "
                    "backed by a written policy and signed off by the safeguarding lead."
                ),
                "days_ago": 1475,
                "helpful": 5,
                "replies": [
                    {
                        "author": "amara",
                        "body": (
                            "Thanks for the guide. We went through it with our twins before they got "
                            "their first tablets and it made for a surprisingly good dinner conversation."
                        ),
                        "days_ago": 1470,
                    },
                ],
            },
            {
                "author": "callum",
                "kind": "experience",
                "body": (
                    "We tried something close to this a few years ago, so I can share how it went.\n\n"
                    'A colleague set up an "announcements only" group for her S3 class: she could post, '
                    "pupils couldn't reply. The idea was sensible enough: homework reminders, PE kit, trip "
                    "deadlines. Within a fortnight the pupils had set up a second group without her, and "
                    "that was where the real conversation happened. Meanwhile she was getting private "
                    "messages at ten at night asking about deadlines, and a parent complained that her son "
                    'had been left out of the "official" group because he didn\'t have a phone.\n\n'
                    "We closed it and moved everything onto the school's learning platform, with reminders "
                    "going to pupils and parents at the same time. It's less exciting, but it's fair to the "
                    "child without a phone, there's a record, and staff get their evenings back.\n\n"
                    "My takeaway: a teacher in the group doesn't remove the group the children actually "
                    "use. It just creates one more."
                ),
                "days_ago": 1472,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "marcus",
                "kind": "opinion",
                "body": (
                    "I'd add a developmental angle. Early adolescence is when kids start building a "
                    "social world that sits partly out of view of adults. That isn't a problem to be "
                    "solved; it's how they practice friendship, humor, status and making up after a "
                    "falling-out. Of course it goes wrong sometimes, and those moments really hurt, but "
                    "they are also where kids learn what kind of friend they want to be.\n\n"
                    "When a teacher is in the chat, most kids don't stop being unkind. They just move "
                    "the unkindness somewhere less visible. What actually reduces it, in my work with "
                    "families, is a child having at least one adult they will tell when things go "
                    "sideways, and being confident that telling won't mean losing their phone.\n\n"
                    "So I'd put the energy into conversations at home: \"What would you do if someone in "
                    'the chat got picked on? What would you want people to do if it was you?"'
                ),
                "days_ago": 1470,
                "helpful": 1,
                "replies": [],
            },
            {
                "author": "grace",
                "kind": "experience",
                "body": (
                    "As a safeguarding lead, I've looked into concerns that started with exactly this "
                    "kind of well-meaning arrangement. In most cases nothing untoward had happened, but "
                    "because the messages were on a personal phone, in an app the school didn't control, "
                    "it was very hard to show that. That's stressful for the teacher, the family and the "
                    "child alike.\n\n"
                    "Two things I'd encourage any parent to check:\n\n"
                    "- Does the school's staff code of conduct say anything about messaging pupils? If "
                    "it's silent, it's fair to ask why.\n"
                    "- Who would you go to if a message worried you? You should be able to name them.\n\n"
                    "Clear rules protect good teachers every bit as much as they protect children."
                ),
                "days_ago": 1466,
                "helpful": 0,
                "replies": [],
            },
            {
                "author": "jess",
                "kind": "experience",
                "body": (
                    "My son's Year 8 group chat had about forty children in it, and one half-term it "
                    "turned properly nasty, with a few of them ganging up on a girl over a photo. At the "
                    "time I remember wishing an adult had been in there to stop it.\n\n"
                    "Looking back, I don't think a teacher would have helped. What did help was one parent "
                    "screenshotting the worst messages and taking them into school, and the head of year "
                    "talking to the whole year group the next morning. The children knew the adults were "
                    "paying attention without being in their chat.\n\n"
                    "We now have a family rule: if something in a group makes your tummy feel funny, you "
                    "show me, and you won't be in trouble for what other people sent. He's used it twice."
                ),
                "days_ago": 1105,
                "helpful": 2,
                "replies": [
                    {
                        "author": "saoirse",
                        "body": (
                            "Thanks for sharing this, Jess. For anyone reading who is dealing with "
                            "something similar right now: report the messages to school rather than "
                            "replying to them in the chat."
                        ),
                        "days_ago": 1100,
                    },
                ],
            },
            {
                "author": "danny",
                "kind": "experience",
                "body": (
                    "I help run my daughter's under-12s football team and we had the very same debate "
                    "about the team chat. We settled on a group for parents only. The coaches post "
                    "training times and changes there, and the parents pass them on. The children have "
                    "their own chat, and none of us are in it.\n\n"
                    "It's worked well for three seasons now. Nobody has had a late-night message from a "
                    "twelve-year-old, and if there's a problem the parents hear about it first. I'd say "
                    "the same could work for a class: the teacher talks to the parents' group, and the "
                    "kids are left to be kids."
                ),
                "days_ago": 1461,
                "helpful": 0,
                "replies": [],
            },
        ],
    },
    # =========================================================================
    # Everything else, newest first
    # =========================================================================
    {
        "key": "coding-club-eight",
        "author": "danny",
        "anonymous": False,
        "title": "Are coding clubs worth it for an eight-year-old?",
        "body": (
            "My middle one has asked to join a Saturday coding club in town. It's not cheap and it "
            "eats into the weekend.\n\n"
            "Is there real value at eight, or would he get just as much from tinkering at home?"
        ),
        "topics": ["your-childs-future", "tech-screens"],
        "days_ago": 1,
        "answers": [],
    },
    {
        "key": "console-parental-controls",
        "author": "kwame",
        "anonymous": False,
        "title": "Which parental controls actually work on a games console?",
        "body": (
            "Our fourteen-year-old has worked around every time limit we've set on the console. "
            "I'm starting to think she understands the settings better than I do.\n\n"
            "What has genuinely worked for other families, and what was a waste of time?"
        ),
        "topics": ["e-safety", "tech-screens"],
        "days_ago": 2,
        "answers": [],
    },
    {
        "key": "tablet-car-journeys",
        "author": "mei",
        "anonymous": False,
        "title": "Is it okay to hand my four-year-old a tablet on long car journeys?",
        "body": (
            "We're driving to see family, six hours each way. At home we keep screens to a bit of "
            "telly after nursery, but I'm tempted to load the tablet with cartoons and buy myself "
            "some peace.\n\n"
            "Am I undoing all our good habits, or is a long drive a fair exception?"
        ),
        "topics": ["tech-screens", "early-years"],
        "days_ago": 3,
        "answers": [
            {
                "author": "liam",
                "kind": "experience",
                "body": (
                    "Long drives are a fair exception in our house. We do the first hour with songs "
                    "and I-spy, then the tablet comes out for a film, then a snack and a nap stop. "
                    "Breaking it into chunks meant my son didn't melt down when the screen went away, "
                    "because he knew what was coming next. Back home, we went straight back to normal "
                    "and he barely mentioned it."
                ),
                "days_ago": 2,
                "helpful": 3,
                "replies": [],
            },
            {
                "author": "amara",
                "kind": "experience",
                "body": (
                    "Totally fine, in my opinion. One tip from a mom who learned the hard way: download "
                    "everything before you leave, because streaming in the middle of nowhere ends in "
                    "tears. Audiobooks were also a surprise hit with our twins at that age. They stared "
                    "out of the window and listened for ages, and nobody got carsick."
                ),
                "days_ago": 2,
                "helpful": 2,
                "replies": [
                    {
                        "author": "mei",
                        "body": "Audiobooks is a great shout, I hadn't thought of that. Thank you both!",
                        "days_ago": 1,
                    },
                ],
            },
        ],
    },
    {
        "key": "smartwatch-messaging",
        "author": "amara",
        "anonymous": False,
        "title": "Should my nine-year-olds have smartwatches with messaging?",
        "body": (
            "Half of the twins' class seems to have watches that can call and text a short list of "
            "contacts. They'd walk to school on their own next year, so part of me likes the idea.\n\n"
            "Is this a sensible halfway step before a phone, or a phone in disguise?"
        ),
        "topics": ["tech-screens", "e-safety"],
        "days_ago": 5,
        "answers": [],
    },
    {
        "key": "open-evening-questions",
        "author": "siobhan",
        "anonymous": False,
        "title": "What questions should we ask at a secondary school open evening?",
        "body": (
            "My eldest finishes primary next year and we have three open evenings booked. I know "
            "what to ask as a teacher, oddly, but not as a parent.\n\n"
            "What did you wish you'd asked?"
        ),
        "topics": ["school-learning"],
        "days_ago": 9,
        "answers": [],
    },
    {
        "key": "upsetting-image",
        "author": "siobhan",
        "anonymous": True,
        "title": "My 12-year-old was sent an image that really upset her. What should I do now?",
        "body": (
            "Someone in a group she's in shared a graphic video clip. She showed me straight away, "
            "which I'm grateful for, but she hasn't slept well since.\n\n"
            "Should I report it, and to whom? And how do I help her stop thinking about it?"
        ),
        "topics": ["e-safety", "behaviour"],
        "days_ago": 12,
        "answers": [
            {
                "author": "priya",
                "kind": "experience",
                "body": (
                    "First of all, she showed you, which means you've done something very right.\n\n"
                    "1. Don't forward the clip to anyone, even to report it; screenshot the sender's name "
                    "and the time instead.\n"
                    "2. Report it in the app, and tell the school if the group is made up of classmates.\n"
                    "3. Let her leave or mute the group without any fuss.\n\n"
                    "Then keep the door open. Tell her it's normal for images to pop back into your head "
                    "for a while, and that she can talk about it any time."
                ),
                "days_ago": 11,
                "helpful": 6,
                "replies": [
                    {
                        "author": "saoirse",
                        "body": "Thank you, Priya. Sending warm wishes to this family.",
                        "days_ago": 11,
                    },
                ],
            },
            {
                "author": "grace",
                "kind": "opinion",
                "body": (
                    "I'd add: schools genuinely want to know about this, even when it happened at the "
                    "weekend. Ask for the safeguarding lead by name. If the poor sleep or worry lasts "
                    "more than a couple of weeks, your GP is a good next step too. Reactions like this "
                    "are common and usually fade with reassurance, but you don't have to manage it alone."
                ),
                "days_ago": 10,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "bedwetting-six",
        "author": "siobhan",
        "anonymous": False,
        "title": "Is it normal for a six-year-old to still wet the bed?",
        "body": (
            "My youngest is dry all day but still wet most nights. His older sisters were dry by "
            "four, so I can't help comparing.\n\n"
            "Should we be doing something, or just waiting it out?"
        ),
        "topics": ["health", "sleep"],
        "days_ago": 20,
        "answers": [
            {
                "author": "fiona",
                "kind": "opinion",
                "body": (
                    "Very normal, and much more common in boys. Night-time dryness depends on a hormone "
                    "that some children simply produce later, so it isn't something he can try harder at. "
                    "Keep drinks steady through the day, make a last wee part of the bedtime routine, and "
                    "avoid any sense of blame. If he's bothered by it, or it's still happening at seven, "
                    "your GP can refer you to a continence service, and there are good options."
                ),
                "days_ago": 19,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "ellie",
                "kind": "experience",
                "body": (
                    "One of our foster kids was the same at six. Waterproof mattress covers and a spare "
                    "set of pajamas by the bed meant he could sort himself out at night without feeling "
                    "embarrassed. Taking the drama out of it made a huge difference, and he was dry by "
                    "seven and a half."
                ),
                "days_ago": 17,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "school-trip-anxiety",
        "author": "ellie",
        "anonymous": False,
        "title": "How do I help a child who's too anxious to sleep away on a school trip?",
        "body": (
            "The girl we're fostering has a two-night residential trip coming up. She wants to go, "
            "but the thought of sleeping somewhere new brings on stomach aches.\n\n"
            "Has anyone found ways to build up to a first night away?"
        ),
        "topics": ["sleep", "behaviour"],
        "days_ago": 30,
        "answers": [],
    },
    {
        "key": "teen-phone-bedtime",
        "author": "kwame",
        "anonymous": False,
        "title": "How do we get our 14-year-old to hand over her phone at bedtime without a fight?",
        "body": (
            "Every night it's the same argument. She says all her friends keep their phones in their "
            "rooms and that she needs it for her alarm. She's exhausted in the mornings.\n\n"
            "How have other families made a phone-free bedroom stick?"
        ),
        "topics": ["sleep", "tech-screens"],
        "days_ago": 45,
        "answers": [
            {
                "author": "helena",
                "kind": "opinion",
                "body": (
                    "The alarm argument is easy to solve: a cheap alarm clock removes it entirely. The "
                    "harder part is that at fourteen her body clock genuinely shifts later, so she isn't "
                    "just being difficult. Agree a fixed time, say 30 minutes before lights out, when "
                    "phones charge downstairs for everyone, adults included. When it's a house rule "
                    "rather than a rule about her, the fights usually calm down within a couple of weeks."
                ),
                "days_ago": 44,
                "helpful": 8,
                "replies": [
                    {
                        "author": "kwame",
                        "body": "Adults included... fair enough. I suspect that's the bit I've been avoiding.",
                        "days_ago": 43,
                        "replies": [
                            {
                                "author": "helena",
                                "body": "You're in good company! It really does help, though.",
                                "days_ago": 43,
                            },
                        ],
                    },
                ],
            },
            {
                "author": "marcus",
                "kind": "opinion",
                "body": (
                    "Bring her into the decision. Teens resist rules they had no say in. Ask her what "
                    "she thinks a fair time would be, and what she worries she'll miss. Often it's a "
                    'late group chat, and she may be relieved to have a reason to step away: "My dad '
                    'takes it at ten" is a useful excuse for a lot of kids.'
                ),
                "days_ago": 42,
                "helpful": 4,
                "replies": [],
            },
            {
                "author": "rafael",
                "kind": "experience",
                "body": (
                    "We have a charging basket in the kitchen. Our fifteen-year-old grumbled for about "
                    "a week, then admitted he was sleeping better. What sealed it was letting him keep "
                    "his phone until 10 on Fridays and Saturdays, so it felt like a deal rather than a "
                    "punishment."
                ),
                "days_ago": 40,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "school-morning-hacks",
        "author": "owen",
        "anonymous": False,
        "title": "What's one parent hack that saved your school mornings?",
        "body": (
            'A reader wrote to us this week describing her mornings as "a daily hostage '
            "negotiation\". We suspect she isn't alone.\n\n"
            "Share your best trick, big or small, for getting everyone out of the door on time."
        ),
        "topics": ["family-life", "school-learning"],
        "days_ago": 60,
        "answers": [
            {
                "author": "jess",
                "kind": "experience",
                "body": (
                    "Everything by the front door the night before: bags packed, shoes paired, coats "
                    "on the hook. If it isn't by the door at bedtime, it doesn't exist in the morning. "
                    "It sounds too simple, but it cut our leaving-the-house time in half."
                ),
                "days_ago": 59,
                "helpful": 6,
                "replies": [],
            },
            {
                "author": "danny",
                "kind": "experience",
                "body": (
                    "A morning playlist. Three kids, five songs. If you're dressed by the end of song "
                    "two and at the table by song four, we're on track. Nobody has to nag, the music "
                    "does it. My youngest now picks the songs on Sunday nights, which she takes very "
                    "seriously."
                ),
                "days_ago": 58,
                "helpful": 5,
                "replies": [
                    {
                        "author": "siobhan",
                        "body": "Stealing this for my own lot AND for my classroom tidy-up time.",
                        "days_ago": 57,
                    },
                ],
            },
            {
                "author": "mei",
                "kind": "experience",
                "body": (
                    "I drew a little picture chart of the morning steps: toilet, teeth, dress, "
                    "breakfast, shoes. My daughter moves a magnet along as she goes. She can't read "
                    "yet, but she loves being in charge of it, and I get to stop repeating myself."
                ),
                "days_ago": 55,
                "helpful": 4,
                "replies": [],
            },
        ],
    },
    {
        "key": "worried-about-self-harm",
        "author": "rafael",
        "anonymous": True,
        "title": "I think my son might be self-harming. How do I bring it up without making things worse?",
        "body": (
            "I've noticed marks on his arm that he explained away, and he's wearing long sleeves "
            "even when it's warm. He's fifteen and quiet at the best of times.\n\n"
            "I'm scared of saying the wrong thing and pushing him further away."
        ),
        "topics": ["health", "behaviour"],
        "days_ago": 70,
        "answers": [
            {
                "author": "marcus",
                "kind": "opinion",
                "body": (
                    "The fact you're thinking this carefully is a real strength. Choose a calm, private "
                    "moment, ideally side by side, in the car or on a walk. Say what you've noticed, "
                    "without anger: \"I've seen some marks and I'm worried about you. You're not in "
                    "trouble. I'd like to understand.\" Then listen more than you talk. He may not "
                    "open up the first time, and that's okay; let him know the door stays open. Please "
                    "also involve your family doctor, who can connect you with specialist support."
                ),
                "days_ago": 69,
                "helpful": 9,
                "replies": [],
            },
            {
                "author": "fiona",
                "kind": "opinion",
                "body": (
                    "Alongside Marcus's advice: if any wound looks deep, infected or won't stop "
                    "bleeding, get it seen the same day. If you're ever worried he's in immediate "
                    "danger, contact emergency services. Your GP can refer him to child and adolescent "
                    "mental health services, and you can ask the school nurse quietly for support too."
                ),
                "days_ago": 68,
                "helpful": 6,
                "replies": [],
            },
        ],
    },
    {
        "key": "hitting-little-sister",
        "author": "rafael",
        "anonymous": False,
        "title": "How do I stop my five-year-old hitting his little sister?",
        "body": (
            "He's gentle with everyone else, but when his two-year-old sister grabs his toys he "
            "lashes out. Time-outs don't seem to be helping.\n\n"
            "What actually works at this age?"
        ),
        "topics": ["behaviour", "family-life"],
        "days_ago": 150,
        "answers": [
            {
                "author": "marcus",
                "kind": "opinion",
                "body": (
                    "At five, hitting is usually a fast answer to a feeling he doesn't have words for "
                    "yet. Stop it calmly every time, then later, when he's calm, practice what he could "
                    "do instead: say \"Stop, that's mine!\", or come and get you. Give him a shelf that's "
                    "out of his sister's reach for special toys. And catch him being gentle with her; "
                    "specific praise works far better than time-outs alone."
                ),
                "days_ago": 148,
                "helpful": 7,
                "replies": [],
            },
            {
                "author": "jess",
                "kind": "experience",
                "body": (
                    "The special-toy shelf was a game changer for us. Once my son knew his precious "
                    "things were safe, he stopped guarding everything so fiercely. We also gave him "
                    "the job of choosing toys his sister was allowed to play with, which made him feel "
                    "like the big brother instead of the victim."
                ),
                "days_ago": 140,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "late-talker",
        "author": "rafael",
        "anonymous": False,
        "title": "My two-year-old only says about ten words. Should I be worried?",
        "body": (
            "Our youngest understands everything we say and points at what he wants, but he only "
            "has a handful of words. His older brothers were chatterboxes by now.\n\n"
            "Is this something to check out, or just the youngest letting everyone talk for him?"
        ),
        "topics": ["early-years", "health"],
        "days_ago": 200,
        "answers": [
            {
                "author": "rosa",
                "kind": "opinion",
                "body": (
                    "The good signs here are that he understands a lot and points to communicate. "
                    "Even so, at two we'd usually hope for around fifty words and the start of two-word "
                    "phrases, so it's worth asking for a speech and language assessment now rather than "
                    "waiting. Meanwhile, give him short, simple words to copy, pause so he has time to "
                    "try, and gently ask the older ones to let him have a turn."
                ),
                "days_ago": 198,
                "helpful": 6,
                "replies": [],
            },
            {
                "author": "fiona",
                "kind": "opinion",
                "body": (
                    "I'd also ask for a hearing check. Even mild, temporary hearing loss from glue ear "
                    "can slow speech, and it's quick to test. Ask your GP or health visitor to arrange "
                    "it alongside the speech referral. It's rarely anything serious, but it's the first "
                    "thing we rule out, and it's very treatable when we find it."
                ),
                "days_ago": 195,
                "helpful": 4,
                "replies": [
                    {
                        "author": "rafael",
                        "body": (
                            "Update: he did have fluid in both ears. He's had treatment and is already "
                            "saying new words every week. Thank you both."
                        ),
                        "days_ago": 90,
                    },
                ],
            },
        ],
    },
    {
        "key": "grandparents-screen-rules",
        "author": "amara",
        "anonymous": False,
        "title": "Grandparents keep ignoring our screen rules. How do we handle it kindly?",
        "body": (
            "My parents look after the twins two afternoons a week and the TV is on the whole "
            "time. They're doing us a huge favour, so I feel awful bringing it up.\n\n"
            "How do you raise this without hurting anyone's feelings?"
        ),
        "topics": ["family-life", "tech-screens"],
        "days_ago": 300,
        "answers": [
            {
                "author": "marcus",
                "kind": "opinion",
                "body": (
                    "Kids cope well with different rules in different places, so this may matter less "
                    "than it feels. If you do raise it, lead with gratitude and make it easy: \"You're "
                    'amazing with them. Could we try TV for the last hour only?" Offering a bag of '
                    "activities or a simple plan often works better than a rule."
                ),
                "days_ago": 298,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "liam",
                "kind": "experience",
                "body": (
                    "We sent my dad home with a football and a list of parks near his flat. Turned out "
                    "he was just worn out and the telly was the easy option. Once he had a plan, he "
                    "took the wee man out nearly every visit. Assume good intentions and offer help, "
                    "not criticism."
                ),
                "days_ago": 290,
                "helpful": 4,
                "replies": [],
            },
        ],
    },
    {
        "key": "sibling-screen-time",
        "author": "rafael",
        "anonymous": False,
        "title": "How do you split screen time fairly between siblings of very different ages?",
        "body": (
            "Our kids are one, four, ten and fourteen. The older two think any limit is unfair "
            'because the little ones are "babies", and the four-year-old thinks everything is '
            "unfair full stop.\n\n"
            "Does anyone have a system that doesn't need a spreadsheet?"
        ),
        "topics": ["family-life", "tech-screens"],
        "days_ago": 400,
        "answers": [
            {
                "author": "jess",
                "kind": "experience",
                "body": (
                    "We stopped trying to make it equal and made it fair by age instead. The rule in "
                    "our house is: homework, chores and some fresh air first, then screens until a set "
                    "time that moves later as you get older. The kids can see their own time will "
                    'grow, which helps with the "not fair" complaints.'
                ),
                "days_ago": 395,
                "helpful": 4,
                "replies": [],
            },
            {
                "author": "amara",
                "kind": "experience",
                "body": (
                    "Shared family screen time helped us a lot. Friday night movie, Sunday afternoon "
                    "game everyone can play. When some of the screen time is together, the individual "
                    "minutes stop feeling like a competition. The older kids even started teaching the "
                    "little ones games, which was a lovely side effect we never planned."
                ),
                "days_ago": 380,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "stammer-three",
        "author": "ellie",
        "anonymous": False,
        "title": "Our three-year-old has started stammering out of nowhere. Is this a phase?",
        "body": (
            "The little boy we're fostering had been talking really well. In the past month he's "
            "started repeating the first sound of words and sometimes gets stuck completely.\n\n"
            "Should we correct him, ignore it, or get help?"
        ),
        "topics": ["early-years", "health"],
        "days_ago": 500,
        "answers": [
            {
                "author": "rosa",
                "kind": "experience",
                "body": (
                    "I see this a lot at three, when language is growing faster than the mouth can "
                    "keep up. Many children grow out of it, especially after big changes settle. Don't "
                    "finish his words or tell him to slow down; just give him time and listen to what "
                    "he says, not how. If it lasts more than six months, he seems frustrated, or there's "
                    "visible tension, ask for a referral. Early support works well."
                ),
                "days_ago": 497,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "mei",
                "kind": "experience",
                "body": (
                    "My daughter went through this not long before she turned three. We slowed our own "
                    "speech right down and made more one-to-one time, away from busy rooms with other "
                    "children talking over her. It faded over about three months. Our speech therapist told us to "
                    "keep a quick diary of good and bad days, which reassured us that it really was "
                    "getting better."
                ),
                "days_ago": 480,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "homework-help-limits",
        "author": "amara",
        "anonymous": False,
        "title": "How much homework help is too much?",
        "body": (
            'I catch myself "helping" until the twins\' homework is basically mine. Their teacher '
            "hasn't said anything, but I'm sure she can tell.\n\n"
            "Where do other parents draw the line?"
        ),
        "topics": ["school-learning"],
        "days_ago": 600,
        "answers": [
            {
                "author": "callum",
                "kind": "opinion",
                "body": (
                    "From the teacher's side: homework is there to show us what a child can do alone, "
                    "so perfect homework can hide a gap. Help with getting started, check they understand "
                    "the question, then step back. If they can't do it, a note saying \"she got stuck "
                    'here" is genuinely more useful to us than a right answer.'
                ),
                "days_ago": 598,
                "helpful": 6,
                "replies": [],
            },
            {
                "author": "siobhan",
                "kind": "experience",
                "body": (
                    "As a teacher and a mum, I'd say we can always tell! At home I sit nearby doing my "
                    "own work, so I'm available but not hovering. My rule is that I ask questions but "
                    "never hold the pencil. If they're still stuck after a couple of questions, they "
                    "circle it and bring it to the teacher."
                ),
                "days_ago": 590,
                "helpful": 4,
                "replies": [],
            },
            {
                "author": "jess",
                "kind": "experience",
                "body": (
                    "We set a timer. If it's taking far longer than the teacher intended, we stop and "
                    "I write a short note in the reading record. It saved a lot of tears in Year 4, and "
                    "the teacher said it helped her pitch the homework better for the whole class."
                ),
                "days_ago": 585,
                "helpful": 1,
                "replies": [],
            },
        ],
    },
    {
        "key": "eleven-plus-tutor",
        "author": "jess",
        "anonymous": False,
        "title": "Is it worth paying for a tutor before the 11-plus?",
        "body": (
            "My daughter is in Year 5 and lots of her friends have tutors for the grammar school "
            "exam. She's bright, but I don't want to push her into something that makes her "
            "miserable.\n\n"
            "Did a tutor make a difference for your child?"
        ),
        "topics": ["school-learning", "your-childs-future"],
        "days_ago": 420,
        "answers": [
            {
                "author": "callum",
                "kind": "opinion",
                "body": (
                    "Familiarity with the question types makes a real difference, and that part you "
                    "can do at home with practice papers. A tutor can help with confidence and timing, "
                    "but watch how she feels. If it's turning reading and maths into a chore, that "
                    "cost lasts longer than any exam. Visit the non-selective schools too; many are "
                    "excellent."
                ),
                "days_ago": 415,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "siobhan",
                "kind": "experience",
                "body": (
                    "We don't have that exam here, but my nephew in England had a tutor for a year and "
                    "said the most useful bit was simply practising under time pressure. My sister "
                    "thinks half an hour a week with her at the kitchen table would have done the same."
                ),
                "days_ago": 400,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "teen-youtuber",
        "author": "jess",
        "anonymous": False,
        "title": "My teenager wants to be a YouTuber. How seriously should we take it?",
        "body": (
            "My son is fifteen and has started filming gaming videos. He says he doesn't need "
            "exams because he'll make money online.\n\n"
            "I don't want to crush the dream, but I also don't want him to drop everything."
        ),
        "topics": ["your-childs-future", "tech-screens"],
        "days_ago": 800,
        "answers": [
            {
                "author": "tobias",
                "kind": "opinion",
                "body": (
                    "Take the skills seriously, even if you doubt the career. Filming, editing, "
                    "scripting and building an audience are real skills used in marketing, media and "
                    "design. Help him see that exams and his channel aren't rivals. A media or computing "
                    "course could make his videos better. Agree on a deal: school first, channel as a "
                    "serious hobby."
                ),
                "days_ago": 795,
                "helpful": 4,
                "replies": [],
            },
            {
                "author": "priya",
                "kind": "opinion",
                "body": (
                    "Before it grows, sit down together and check the privacy side: no school uniform "
                    "in shot, nothing that shows where you live, comments filtered, and a plan for "
                    "handling unkind viewers. Doing this with him, not to him, shows you're taking his "
                    "channel seriously."
                ),
                "days_ago": 790,
                "helpful": 3,
                "replies": [],
            },
            {
                "author": "ellie",
                "kind": "experience",
                "body": (
                    "One of our teens had the same dream. We asked her to make a business plan, just a "
                    "page: who watches, how often she'd post, how it earns money. It was eye-opening for "
                    "her, and she's now studying graphic design, partly because of it."
                ),
                "days_ago": 760,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "vaccine-catch-up",
        "author": "danny",
        "anonymous": False,
        "title": "Vaccination catch-up after moving countries: where do we start?",
        "body": (
            "We've just moved home to Ireland after years in Australia. The kids had their jabs "
            "there but the schedules don't quite match.\n\n"
            "How do we work out what they still need?"
        ),
        "topics": ["health", "family-life"],
        "days_ago": 950,
        "answers": [
            {
                "author": "fiona",
                "kind": "opinion",
                "body": (
                    "Bring whatever records you have to your new GP, even photos of the old booklet. "
                    "They'll compare them with the local schedule and draw up a catch-up plan. It's "
                    "very common, and children often need only one or two extra doses. Don't worry if "
                    "a record is missing; a vaccine can safely be given again when in doubt."
                ),
                "days_ago": 945,
                "helpful": 4,
                "replies": [],
            },
        ],
    },
    {
        "key": "reading-teen-messages",
        "author": "ellie",
        "anonymous": False,
        "title": "Should I read my teenager's messages if I'm worried about her?",
        "body": (
            "She's sixteen, recently moved in with us, and has become very secretive about her "
            "phone. I don't know what's normal privacy and what's a warning sign.\n\n"
            "When, if ever, is it right to look?"
        ),
        "topics": ["e-safety", "family-life"],
        "days_ago": 1000,
        "answers": [
            {
                "author": "grace",
                "kind": "opinion",
                "body": (
                    "Privacy matters to teenagers and reading messages secretly can badly damage "
                    "trust, especially for a young person who is still getting to know you. But safety "
                    "comes first. If you have a specific worry, such as an older adult contacting her, "
                    "money or gifts from strangers, or talk of meeting someone, speak to her social "
                    "worker straight away. They can help you decide what checks are appropriate."
                ),
                "days_ago": 995,
                "helpful": 6,
                "replies": [
                    {
                        "author": "ellie",
                        "body": "That's really helpful, thank you. I'll raise it at our next visit.",
                        "days_ago": 990,
                    },
                ],
            },
            {
                "author": "liam",
                "kind": "experience",
                "body": (
                    "I was a very secretive sixteen-year-old, and what got through to me was an adult "
                    "saying, \"I'm not going to snoop, but I'm here if anything online ever feels "
                    "wrong.\" I did go to her eventually. Knowing I wouldn't be punished was the key."
                ),
                "days_ago": 980,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "dyslexia-diagnosis",
        "author": "danny",
        "anonymous": False,
        "title": "Our daughter has just been diagnosed with dyslexia. What helped your child most?",
        "body": (
            "She's nine and honestly relieved to have a name for it. We want to back her up "
            "properly at home and at school.\n\n"
            "What made the biggest difference for your family?"
        ),
        "topics": ["school-learning", "health"],
        "days_ago": 1100,
        "answers": [
            {
                "author": "callum",
                "kind": "opinion",
                "body": (
                    "Ask the school for a meeting to agree a support plan: extra time, coloured overlays "
                    "if they help, and alternatives to copying from the board. At home, audiobooks keep "
                    "her enjoying stories while reading catches up. And tell her often that dyslexia "
                    "affects reading and spelling, not how clever she is."
                ),
                "days_ago": 1096,
                "helpful": 5,
                "replies": [],
            },
            {
                "author": "siobhan",
                "kind": "experience",
                "body": (
                    "My middle one is dyslexic. The biggest win was letting him show what he knew in "
                    "other ways: voice notes, drawings, typing instead of handwriting. His confidence "
                    "came back first, and his reading followed. We also found a paired-reading scheme "
                    "at the local library, which he still talks about fondly."
                ),
                "days_ago": 1090,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "bilingual-home-language",
        "author": "mei",
        "anonymous": False,
        "title": "How do you keep a bilingual child speaking the home language?",
        "body": (
            "I speak Japanese to my daughter and my husband speaks English. Since she started "
            "nursery she answers me in English more and more.\n\n"
            "Should I insist, or let it go?"
        ),
        "topics": ["early-years", "family-life"],
        "days_ago": 250,
        "answers": [
            {
                "author": "rosa",
                "kind": "opinion",
                "body": (
                    "This is such a common stage. Keep speaking Japanese to her yourself, warmly and "
                    "consistently, but don't force her to answer in it; that can make the language feel "
                    "like a test. Create reasons she needs it: video calls with grandparents, songs, "
                    "stories and playdates with other Japanese-speaking children. Understanding stays "
                    "strong, and speaking often bounces back."
                ),
                "days_ago": 247,
                "helpful": 6,
                "replies": [],
            },
            {
                "author": "amara",
                "kind": "experience",
                "body": (
                    "My twins went through the same with Igbo. A summer with their grandma did more than "
                    "a year of me nagging. If a trip isn't possible, regular calls where grandma only "
                    "speaks the home language really help. We also keep a few favorite picture books "
                    "in Igbo by the bed, and bedtime stories are always in that language."
                ),
                "days_ago": 240,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "night-terrors-four",
        "author": "liam",
        "anonymous": False,
        "title": "Night terrors at four: do we wake him or leave him?",
        "body": (
            "About an hour after he falls asleep, my son screams and thrashes with his eyes open, "
            "but he doesn't seem to see me. In the morning he remembers nothing.\n\n"
            "It's terrifying to watch. What should we do?"
        ),
        "topics": ["sleep", "early-years"],
        "days_ago": 40,
        "answers": [
            {
                "author": "helena",
                "kind": "opinion",
                "body": (
                    "Don't wake him; it usually prolongs the episode. Stay close, keep him safe, and "
                    "let it pass. Night terrors are linked to overtiredness, so an earlier bedtime often "
                    "helps. If they happen at the same time each night, some families gently stir the "
                    "child fifteen minutes before to reset the sleep cycle. See your GP if they're very "
                    "frequent."
                ),
                "days_ago": 39,
                "helpful": 7,
                "replies": [],
            },
            {
                "author": "rafael",
                "kind": "experience",
                "body": (
                    "Our second had these around four. Moving bedtime thirty minutes earlier made a "
                    "real difference within a week. The hardest part was not rushing in to cuddle her, "
                    "but staying nearby and calm worked better, and she grew out of them by five."
                ),
                "days_ago": 36,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "money-talk-tight",
        "author": "liam",
        "anonymous": False,
        "title": "How do you talk to a small child about money when things are tight?",
        "body": (
            "My son keeps asking why we can't buy things his friends have. I don't want him "
            "worrying about our finances, but I don't want to lie either.\n\n"
            "What words have worked for you?"
        ),
        "topics": ["family-life", "your-childs-future"],
        "days_ago": 160,
        "answers": [
            {
                "author": "kwame",
                "kind": "experience",
                "body": (
                    "We used a simple line: \"That's not in our plan this month.\" It's honest and calm. "
                    "When they were older we showed them how we plan our spending, and they understood "
                    "that money is something you decide about, not just something you have or don't."
                ),
                "days_ago": 158,
                "helpful": 4,
                "replies": [],
            },
            {
                "author": "rafael",
                "kind": "experience",
                "body": (
                    "Jars helped with our younger ones: one for spending, one for saving, one for "
                    "sharing. Pocket money can be tiny. It's about learning that choices come with "
                    "trade-offs, and that's a lesson for all budgets. When our son wanted something "
                    "big, he saved for it himself, and he was prouder of that toy than any gift."
                ),
                "days_ago": 152,
                "helpful": 3,
                "replies": [],
            },
        ],
    },
    {
        "key": "gap-year-or-university",
        "author": "ellie",
        "anonymous": False,
        "title": "Gap year or straight to university: how did you help your teen decide?",
        "body": (
            "The eighteen-year-old we foster is torn. He's tired after exams and wants a year out, but he worries "
            "he'll lose momentum.\n\n"
            "How did your family help weigh it up?"
        ),
        "topics": ["your-childs-future"],
        "days_ago": 1700,
        "answers": [
            {
                "author": "tobias",
                "kind": "opinion",
                "body": (
                    "A gap year works best when it has a shape: a job, volunteering, a skill to learn, "
                    "with a rough plan on paper. Many universities allow deferred entry, so he could "
                    "apply now and keep a place. The risk isn't the year out; it's a year without "
                    "purpose."
                ),
                "days_ago": 1695,
                "helpful": 3,
                "replies": [],
            },
            {
                "author": "danny",
                "kind": "experience",
                "body": (
                    "I took a year out and worked in a bike workshop. I'd never have found my trade "
                    "otherwise. My advice: deferring is better than dropping out six months in. And "
                    "set a date in the spring to sit down and decide properly, so the year doesn't "
                    "just drift past."
                ),
                "days_ago": 1690,
                "helpful": 2,
                "replies": [],
            },
        ],
    },
    {
        "key": "weekend-bedtimes",
        "author": "danny",
        "anonymous": False,
        "title": "Does a later bedtime at weekends really mess up the school week?",
        "body": (
            "Our lot stay up late on Fridays and Saturdays and then Mondays are a disaster.\n\n"
            "Is there a middle ground, or do we need to keep the same bedtime every night?"
        ),
        "topics": ["sleep", "family-life"],
        "days_ago": 1800,
        "answers": [
            {
                "author": "helena",
                "kind": "opinion",
                "body": (
                    "A bit of flexibility is fine. Aim to keep weekend bedtimes and wake-up times "
                    "within an hour of school nights. The wake-up time matters most: letting them sleep "
                    "until noon on Sunday is what really causes the Monday slump. Morning daylight "
                    "helps reset their body clocks too."
                ),
                "days_ago": 1795,
                "helpful": 5,
                "replies": [],
            },
        ],
    },
]
