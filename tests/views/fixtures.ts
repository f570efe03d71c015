import type { Article } from '../../src/model/article'
import type { Site } from '../../src/model/site'

export const site: Site = { name: 'Edge Articles', origin: 'http://127.0.0.1:8787' }

export const slug = 'pakistan-islamabad-wont-tolerate-us-boots-on-the-ground'

/** The seed article (seeds/pakistan-islamabad-wont-tolerate-us-boots.txt) as the store returns it. */
export const pakistan: Article = {
  id: '01JD8Z6QK5T2W3X4Y5Z6A7B8C9',
  slug,
  url: `/articles/${slug}`,
  title: 'PAKISTAN: Islamabad won’t tolerate U.S. boots on the ground',
  headline: 'Islamabad won’t tolerate U.S. boots on the ground',
  kicker: 'PAKISTAN',
  dateline: 'ISLAMABAD, PAKISTAN',
  authors: [{ name: 'Alex Rodriguez', slug: 'alex-rodriguez' }],
  body: [
    {
      type: 'paragraph',
      text: 'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to hunt down members of the group.',
    },
    {
      type: 'paragraph',
      text: 'Since the Sept. 13 attack on the U.S. Embassy in Kabul, the Afghan capital, American military and civilian leaders have urged Pakistan’s primary intelligence agency, Inter-Services Intelligence, to sever its ties with the Haqqani group. The Afghan Taliban-allied group uses northwest tribal Pakistan as a base from which to launch attacks on U.S. and Afghan forces in Kabul and eastern Afghanistan.',
    },
    {
      type: 'paragraph',
      text: 'The language coming from Washington has been particularly strong, with Adm. Mike Mullen, chairman of the U.S. Joint Chiefs of Staff, accusing the ISI of using the Haqqani network to wage a proxy war against U.S., NATO and Afghan forces in Afghanistan. Defense Secretary Leon Panetta has warned Islamabad that the U.S. will “take whatever steps are necessary to protect our forces.”',
    },
    {
      type: 'paragraph',
      text: 'Pakistan’s Foreign Ministry spokeswoman, Tehmina Janjua, when asked at a press conference whether there was any truth to Mullen’s charge, tersely answered, “I would say a categoric no.”',
    },
    {
      type: 'paragraph',
      text: 'Pakistani Interior Minister Rehman Malik also rejected allegations of any ties between Pakistan’s intelligence community and the Haqqani network, saying in an interview with Reuters news agency, “The Pakistan nation will not allow the boots on our ground, never.... They must respect our sovereignty,” an apparent reference to Panetta’s remarks.',
    },
    {
      type: 'paragraph',
      text: 'ISI ties with members of the Haqqani group and its founder, Jalaluddin Haqqani, date to the Soviet occupation of Afghanistan in the 1980s, when Pakistan, as well as the U.S., backed the resistance. The Haqqani group now fights alongside the Afghan Taliban in the war against the U.S. and Afghan President Hamid Karzai’s administration, and is led by Haqqani’s son, Sirajuddin Haqqani.',
    },
    {
      type: 'paragraph',
      text: 'Washington has long suspected that the ISI never severed ties to Haqqani. Officials have also repeatedly pressed Pakistan to launch a military operation into the North Waziristan tribal region to uproot Haqqani network fighters from their sanctuary there. Pakistani military leaders have consistently fended off those demands, arguing that its manpower is overstretched as it battles militants in other tribal areas who view Pakistan as their primary enemy. Haqqani network fighters have never directed any attacks against Pakistan.',
    },
    {
      type: 'paragraph',
      text: 'Experts say Pakistan’s intelligence community maintains close ties with the Haqqani group because it sees it as a valuable hedge against Indian influence in Afghanistan after the U.S. pulls out.',
    },
    {
      type: 'paragraph',
      text: 'U.S. officials say they have ample evidence of the ISI’s links with the Haqqani group, though they have yet to publicly lay out that evidence.',
    },
    {
      type: 'paragraph',
      text: 'Malik called upon the U.S. to supply Pakistan with intelligence on Haqqani network havens so that its security forces can uproot them. “Our capacity to trace them in that area is limited,” Malik told Reuters. “Give us the information and we will operate.”',
    },
    {
      type: 'paragraph',
      text: 'The allegations surrounding Haqqani-ISI links have plunged the always tenuous U.S.-Pakistan relationship into a new crisis, just two weeks after both sides were lauding their recent collaboration in capturing a key Al Qaeda leader, Younis al Mauritani, in the southern city of Quetta. The stakes are high for both sides; The U.S. needs Pakistan’s cooperation in bringing an end to the 10-year conflict against the Taliban in Afghanistan, while Pakistan is heavily dependent on U.S. aid to help revamp critical infrastructure and battle its homegrown militancy.',
    },
    {
      type: 'paragraph',
      text: 'U.S. officials in Washington this week signaled that aid may be in jeopardy if Pakistan doesn’t abandon what many in the U.S. see is a strategy of battling some militant groups while backing or ignoring others. The Senate Appropriations Committee backed a funding package that set aside $1 billion for the Pakistan Counterinsurgency Capability Fund, but conditioned the aid on Pakistan’s cooperation in the fight against Haqqani and other militant groups.',
    },
  ],
  related: [
    { title: 'U.N.: Iran’s Mahmoud Ahmadinejad speaks; many diplomats walk out', url: null },
    { title: 'Taliban offshoot blamed for assault on U.S. Embassy in Kabul', url: null },
    { title: 'In Afghanistan, tie between 9/11 and the war often gets lost', url: null },
  ],
  notices: [
    'This article was originally on a blog post platform and may be missing photos, graphics or links. See About archive blog posts.',
  ],
  captions: [],
  tags: [{ name: 'Pakistan', slug: 'pakistan' }],
  summary:
    'Pakistan on Thursday rejected Washington’s allegations that it maintains links with the militant Haqqani network and warned that it would not tolerate any ground operation to hunt down members of the group.',
  wordCount: 628,
  publishedAt: '2011-09-22T00:00:00.000Z',
  modifiedAt: null,
  siteName: null,
  language: null,
  image: null,
  readingMinutes: 3,
  status: 'published',
  publishAt: null,
  createdAt: '2025-11-29T06:30:00.000Z',
  updatedAt: '2025-11-29T06:30:00.000Z',
  revision: 1,
  source: {
    format: 'text',
    url: null,
    contentHash: '88622d41133768b5f7b6499ef1613b34e934b708df46e1374b92c132454fcadb',
  },
}
