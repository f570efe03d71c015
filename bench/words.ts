/** Vocabulary for generated posts, in the register of the seed (world-news blog posts, 2008–2011). */
const list = (text: string) => text.split('|').map((word) => word.trim())

/** A country (the kicker, so a tag) and its cities (datelines, headlines). */
export const PLACES = list(
  `PAKISTAN: Islamabad, Karachi, Quetta, Peshawar, Lahore | AFGHANISTAN: Kabul, Kandahar, Herat |
  IRAQ: Baghdad, Basra, Mosul, Kirkuk | EGYPT: Cairo, Alexandria, Suez | SYRIA: Damascus, Aleppo,
  Homs | LEBANON: Beirut, Tripoli, Sidon | IRAN: Tehran, Isfahan, Mashhad | ISRAEL: Jerusalem,
  Tel Aviv, Haifa | YEMEN: Sana, Aden, Taiz | LIBYA: Tripoli, Benghazi, Misurata | TURKEY: Ankara,
  Istanbul, Izmir | JORDAN: Amman, Zarqa | SAUDI ARABIA: Riyadh, Jidda | BAHRAIN: Manama |
  TUNISIA: Tunis, Sfax | INDIA: New Delhi, Mumbai, Srinagar`,
).map((entry) => {
  const [country = '', cities = ''] = entry.split(':')
  return { country, cities: cities.split(',').map((city) => city.trim()) }
})

export const FIRST_NAMES = list(
  `Alex | Borzou | Ned | Laura | Jeffrey | Raja | Ramin | Patrick | Amro | Meris | Carol | David |
  Emily | Hashmat | Ken | Liz | Molly | Nabih | Paul | Rima | Sebastian | Tracy | Zeina | Batsheva |
  Edmund | Glen | Hannah | Jamal | Kim | Omar`,
)

export const LAST_NAMES = list(
  `Rodriguez | Daragahi | Parker | King | Fleishman | Abdulrahim | Mostaghim | McDonnell | Hassan |
  Lutz | Williams | Zucchino | Baktash | Dilanian | Sanders | Bulos | Rotella | Richter | Wilkinson |
  Sobelman | Sandels | Johnson | Chu | Mahmoud | Ellingwood | Ali | Stack | Hennessy | Bengali | Kerr`,
)

export const SUBJECTS = list(
  `Security forces | Protesters | The government | Militants | Negotiators | Officials | The army |
  Opposition groups | Lawmakers | Tribal elders | Aid agencies | Police`,
)

/** Past tense and base form. */
export const VERBS = list(
  `rejected reject | welcomed welcome | criticized criticize | announced announce |
  postponed postpone | demanded demand | questioned question | defended defend | approved approve |
  resumed resume | blocked block | backed back`,
).map((pair) => pair.split(' ') as [string, string])

export const OBJECTS = list(
  `the ceasefire proposal | a new round of talks | the aid package | the security agreement |
  the election results | the curfew | the investigation | the budget | the prisoner exchange |
  the reconstruction plan | the border closure | the fuel subsidies | the reform program |
  the military operation | the peace plan | the emergency law`,
)

export const ORGANIZATIONS = list(
  `the Haqqani network | the United Nations | NATO | the Arab League | the Red Cross |
  the International Monetary Fund | the Muslim Brotherhood | Hezbollah | the Taliban |
  the European Union | Al Qaeda | the World Bank`,
)

export const ROLES = list(
  `a senior military official | a police spokesman | the foreign minister |
  a ministry spokeswoman | a Western diplomat | an opposition lawmaker | a local official |
  an aid worker | a government adviser | a tribal leader`,
)

export const TIMES = list(
  `on Monday | on Tuesday | on Wednesday | on Thursday | on Friday | on Saturday | on Sunday |
  this week | late Thursday | earlier this month | over the weekend`,
)

export const EVENTS = list(
  `the elections | the end of the year | the holy month of Ramadan | the donor conference |
  the summit | the withdrawal of foreign troops | the next parliamentary session`,
)

export const ARCHIVE_NOTICE =
  'This article was originally on a blog post platform and may be missing photos, graphics or links. See About archive blog posts.'

/**
 * Sentences in Japanese and Chinese (written for the bench), a few naming 終電 (the last train):
 * one in ten growth articles carries two of them, so CJK search is measured on a mixed archive.
 */
export const CJK_SENTENCES = [
  '終電を逃した乗客たちは駅前のベンチで始発を待った。',
  '市は終電の時刻を三十分遅らせる案を議会に提出した。',
  '台風の接近で沿線の学校は午後から休校となった。',
  '港の再開発をめぐり住民説明会が夜遅くまで続いた。',
  '新しい図書館は駅から歩いて五分の場所に建つ予定だ。',
  '地铁末班车将延长至午夜，方便夜班工人回家。',
  '市政府宣布明年起扩建北部的公共图书馆。',
  '暴雨导致沿海公路封闭，救援队连夜抢修。',
  '終電後も運行する深夜バスの利用者が増えている。',
  '渔民们在码头上讨论新的捕鱼配额。',
]
