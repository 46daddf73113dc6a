#include "cases/sample_texts.h"

#include <iterator>

namespace atb::cases::samples {
namespace {

template <std::size_t N>
std::string_view pick(const std::string_view (&list)[N], unsigned variant) {
  return list[variant % N];
}

struct ByCode {
  std::string_view code;
  std::string_view texts[3];
};

template <std::size_t N>
std::string_view pick_by(const ByCode (&table)[N], std::string_view code, unsigned variant) {
  for (const ByCode& row : table) {
    if (row.code == code) return row.texts[variant % 3];
  }
  return table[N - 1].texts[variant % 3];
}

const ByCode kConcerns[] = {
    {"alcohol",
     {"Kaimiņi ziņo, ka tēvs vakaros bieži ir reibumā un bērni paliek bez uzraudzības.",
      "Māte lūdz palīdzību: vīrs lieto alkoholu, naudas ģimenei nepietiek.",
      "Skola ziņo, ka skolēna vecāki uz sapulcēm ierodas reibumā."}},
    {"psychoactive_substances",
     {"Policija ziņo par pusaudzi, kas aizturēts ar narkotiskām vielām.",
      "Māte uztraucas, ka dēls lieto vielas un neapmeklē skolu.",
      "Ģimenes ārsts ziņo par jaunieti ar atkarības pazīmēm."}},
    {"mental_disorder",
     {"Kaimiņiene ziņo, ka vecāka kundze dzīvo viena un vairs netiek galā ar ikdienu.",
      "Radinieki lūdz atbalstu personai ar garīga rakstura traucējumiem pēc izrakstīšanas no slimnīcas.",
      "Persona pati zvana: jūtas izmisusi, nespēj strādāt un parūpēties par sevi."}},
    {"basic_needs",
     {"Ģimenei nav pārtikas un apkures; bērni skolā ir izsalkuši.",
      "Vientuļš pensionārs nespēj nopirkt zāles un malku ziemai.",
      "Māte ar trim bērniem lūdz palīdzību ar apģērbu un pārtiku."}},
    {"poverty",
     {"Ģimene ir zaudējusi ienākumus, uzkrājušies parādi par komunālajiem pakalpojumiem.",
      "Persona pēc darba zaudēšanas nespēj samaksāt īri.",
      "Daudzbērnu ģimene lūdz konsultāciju par pabalstiem un budžeta plānošanu."}},
    {"crisis",
     {"Ģimenes mājā izcēlās ugunsgrēks; ģimene palikusi bez mājokļa.",
      "Pēc laulātā nāves sieviete ar bērniem nonākusi krīzē.",
      "Persona atbrīvota no ieslodzījuma un nezina, kur dzīvot."}},
    {"violence",
     {"Policija ziņo par vardarbību ģimenē; bērni bija mājās incidenta laikā.",
      "Sieviete zvana: partneris draud un sit, viņa baidās par bērniem.",
      "Skola ziņo par zilumiem skolēna rokās; bērns baidās iet mājās."}},
    {"neglect",
     {"Bērni bieži paliek vieni mājās; vecāki strādā naktīs.",
      "Bērnudārzs ziņo, ka bērns atnāk nepaēdis un netīrās drēbēs.",
      "Kaimiņi ziņo, ka mazi bērni vakaros staigā pa ielu bez pieaugušajiem."}},
    {"housing",
     {"Ģimeni izliek no dzīvokļa parādu dēļ; jāatrod mājoklis mēneša laikā.",
      "Persona dzīvo mājā bez elektrības un ūdens.",
      "Dzīvoklis ir avārijas stāvoklī; ģimenei nepieciešams cits mājoklis."}},
    {"unemployment",
     {"Abi vecāki zaudējuši darbu; lūdz palīdzību darba meklēšanā.",
      "Jaunietis ilgstoši bez darba, nav reģistrējies NVA.",
      "Persona pēc ilgas slimības vēlas atgriezties darba tirgū."}},
    {"disability",
     {"Ģimenē ir bērns ar invaliditāti; vecāki ir pārguruši un lūdz atelpas brīža pakalpojumu.",
      "Persona ar kustību traucējumiem nespēj pati iziet no dzīvokļa.",
      "Pēc insulta personai nepieciešama aprūpe mājās."}},
    {"other",
     {"Ģimene lūdz konsultāciju par attiecībām ar pusaudzi.",
      "Persona lūdz palīdzību dokumentu kārtošanā.",
      "Radinieki lūdz izvērtēt vecāka cilvēka vajadzības."}},
};

const ByCode kReasons[] = {
    {"intake",
     {"Gadījums atvērts pēc pieteikuma.", "Pieteikums izvērtēts: nepieciešama gadījuma vadīšana.",
      "Atvērts gadījums pēc sadarbības partnera ziņojuma."}},
    {"agreement",
     {"Pirmā tikšanās notikusi; ģimene gatava sadarboties.", "Klients piekrīt sadarbībai ar sociālo darbinieku.",
      "Pēc mājas vizītes vienojāmies par sadarbības sākšanu."}},
    {"initial_assessment",
     {"Vienošanās par sadarbību parakstīta.", "Vienošanās noslēgta; sākam situācijas izvērtēšanu.",
      "Klients parakstīja vienošanos klātienē."}},
    {"in_depth_assessment",
     {"Sākotnējā izvērtēšana pabeigta: vajadzīga padziļināta grūtību un resursu izvērtēšana.",
      "Situācija sarežģītāka, nekā šķita; izvērtējam katra ģimenes locekļa vajadzības.",
      "Sākotnējā izvērtēšanā konstatēti vairāki riski."}},
    {"plan",
     {"Izvērtēšana pabeigta; kopā ar ģimeni sagatavojam sadarbības plānu.",
      "Grūtības un resursi apzināti; veidojam plānu.", "Izvērtējums apspriests ar klientu; sākam plānošanu."}},
    {"implementation",
     {"Sadarbības plāns saskaņots un apstiprināts.", "Plāns apstiprināts; uzdevumi sadalīti.",
      "Ģimene piekrīt plānam; sākam īstenošanu."}},
    {"review",
     {"Pienācis plāna pārskatīšanas termiņš.", "Pusgada pārskats: vērtējam, kas izdevies.",
      "Situācija mainījusies; plāns jāpārskata."}},
};

const ByCode kClosureNotes[] = {
    {"goals_reached",
     {"Plāna mērķi sasniegti; ģimene tiek galā patstāvīgi.", "Situācija stabila jau pusgadu; atbalsts vairs nav vajadzīgs.",
      "Klients atradis darbu un mājokli; mērķi sasniegti."}},
    {"moved_away",
     {"Ģimene pārcēlusies uz citu pašvaldību; informācija nodota tās sociālajam dienestam.",
      "Klients izbraucis uz ārzemēm.", "Ģimene pārcēlusies; kontakts zudis."}},
    {"refused_cooperation",
     {"Klients atsakās no turpmākas sadarbības.", "Ģimene neierodas uz tikšanās reizēm un atsakās no atbalsta.",
      "Klients nevēlas parakstīt vienošanos."}},
    {"transferred",
     {"Gadījums nodots pakalpojumu sniedzējam ilgstošai aprūpei.", "Klients ievietots ilgstošas aprūpes iestādē.",
      "Gadījums nodots citam dienestam."}},
    {"deceased", {"Klients miris.", "Klients miris slimnīcā.", "Klients miris; radinieki informēti."}},
    {"other",
     {"Gadījums slēgts pēc supervīzijas lēmuma.", "Gadījums slēgts citu iemeslu dēļ.", "Mērķi daļēji sasniegti; gadījums slēgts."}},
};

const std::string_view kApprovals[] = {
    "Apstiprinu slēgšanu.", "Piekrītu: gadījums slēdzams.", "Apstiprināts pēc pārrunām ar darbinieku.",
};

const std::string_view kAgreementNotes[] = {
    "Vienošanās parakstīta klātienē dienestā.", "Vienošanās parakstīta mājas vizītes laikā.",
    "Vienošanās parakstīta; kopija izsniegta klientam.",
};

const std::string_view kPersonReporters[] = {"Kaimiņiene Ieva", "Vecmāmiņa Skaidrīte", "Kaimiņš Aivars",
                                             "Tante Gunta", "Klients pats"};
const std::string_view kPartnerReporters[] = {"Liepājas 5. vidusskola", "Valsts policija", "Ģimenes ārsta prakse",
                                              "Bērnudārzs “Saulīte”", "Bāriņtiesa"};
const std::string_view kPersonContacts[] = {"+371 20000001", "+371 26000002", "ieva@example.lv", "+371 29000004"};
const std::string_view kPartnerContacts[] = {"skola@example.lv", "+371 63400000", "arsts@example.lv", "+371 63420000"};

const ByCode kNoteOpenings[] = {
    {"visit",
     {"Mājas vizīte ģimenes dzīvesvietā.", "Apmeklēju klientu mājās kopā ar kolēģi.", "Neplānota mājas vizīte pēc kaimiņu zvana."}},
    {"call",
     {"Telefonsaruna ar klientu.", "Klients zvanīja pats un lūdza padomu.", "Zvanīju skolas sociālajam pedagogam."}},
    {"meeting",
     {"Tikšanās dienestā ar klientu.", "Tikšanās ar māti un bērniem dienestā.", "Tikšanās ar klientu un NVA konsultantu."}},
    {"case_conference",
     {"Starpinstitūciju sanāksme ar bāriņtiesu un skolu.", "Gadījuma konference ar policiju un ģimenes ārstu.",
      "Sanāksme ar pakalpojumu sniedzējiem par turpmāko rīcību."}},
    {"other",
     {"Saņemta vēstule no bāriņtiesas.", "Sagatavota informācija pēc pieprasījuma.", "Pārrunas ar supervizoru."}},
};

const std::string_view kNoteMiddles[] = {
    "Dzīvoklī tīrs un silts, ledusskapī ir pārtika.",
    "Bērni bija mājās, izskatījās paēduši un tīri.",
    "Klients atzīst, ka pēdējā mēnesī situācija uzlabojusies.",
    "Māte stāsta, ka tēvs joprojām lieto alkoholu nedēļas nogalēs.",
    "Klients ir reģistrējies NVA un apmeklē kursus.",
    "Parāds par komunālajiem pakalpojumiem samazinājies.",
    "Skola ziņo, ka kavējumu kļuvis mazāk.",
    "Klients bija noskumis, runāja par bailēm zaudēt mājokli.",
    "Pārrunājām ģimenes budžetu un izdevumu plānošanu.",
    "Vecmāmiņa palīdz ar bērnu pieskatīšanu.",
    "Klients neatvēra durvis; atstāju paziņojumu pastkastītē.",
    "Konflikts starp vecākiem mazinājies, strīdu nav bijis.",
};

const std::string_view kNoteEndings[] = {
    "Vienojāmies par nākamo tikšanos pēc divām nedēļām.",
    "Nākamais solis: konsultācija pie psihologa.",
    "Turpinām saskaņā ar sadarbības plānu.",
    "Informēju par iespēju saņemt pabalstu krīzes situācijā.",
    "Jāsazinās ar bāriņtiesu līdz mēneša beigām.",
    "Klients apņēmās iesniegt dokumentus līdz piektdienai.",
};

const std::string_view kFamilyGoals[] = {
    "Bērni regulāri apmeklē skolu un bērnudārzu.", "Ģimenē nav vardarbības; vecāki risina konfliktus mierīgi.",
    "Vecāki atturas no alkohola lietošanas.", "Ģimenei ir drošs un silts mājoklis.",
    "Ģimenes ienākumi sedz pamatvajadzības.", "Vecāki apgūst pozitīvas audzināšanas prasmes.",
};
const std::string_view kAdultGoals[] = {
    "Klients atrod pastāvīgu darbu.", "Klientam ir mājoklis un samaksāta īre.", "Klients ārstējas no atkarības.",
    "Klients saņem nepieciešamo veselības aprūpi.", "Klientam ir atbalsta tīkls: radinieki un draugi.",
    "Klients pats kārto savus finanšu jautājumus.",
};
struct TaskText {
  std::string_view text, responsible;
};
const TaskText kTasks[] = {
    {"Reģistrēties NVA un apmeklēt konsultāciju.", "member"},
    {"Apmeklēt ģimenes ārstu un atkarību speciālistu.", "member"},
    {"Nodrošināt, ka bērni katru dienu ir skolā.", "member"},
    {"Noorganizēt psihologa konsultācijas.", "worker"},
    {"Palīdzēt sagatavot iesniegumu mājokļa pabalstam.", "worker"},
    {"Reizi mēnesī apmeklēt ģimeni mājās.", "worker"},
    {"Nodrošināt bērnam vietu dienas centrā.", "partner"},
    {"Sniegt informāciju par bērna sekmēm un kavējumiem.", "partner"},
    {"Novadīt vecāku prasmju nodarbības.", "partner"},
};
const std::string_view kPartners[] = {"Liepājas 5. vidusskola", "Dienas centrs “Saulespuķe”", "Krīzes centrs",
                                      "Nodarbinātības valsts aģentūra", "Ģimenes ārsta prakse"};

}  // namespace

std::string note(std::string_view kind, unsigned variant) {
  std::string text(pick_by(kNoteOpenings, kind, variant));
  const unsigned sentences = 1 + variant / 3 % 3;
  for (unsigned i = 0; i < sentences; ++i) (text += ' ') += pick(kNoteMiddles, variant / 9 + i * 5);
  (text += ' ') += pick(kNoteEndings, variant / 7);
  return text;
}

std::string_view plan_goal(bool family, unsigned variant) {
  return family ? pick(kFamilyGoals, variant) : pick(kAdultGoals, variant);
}

std::string_view plan_task(unsigned variant) { return kTasks[variant % std::size(kTasks)].text; }
std::string_view plan_task_responsible(unsigned variant) { return kTasks[variant % std::size(kTasks)].responsible; }
std::string_view partner_name(unsigned variant) { return pick(kPartners, variant); }

std::string_view concern(std::string_view problem, unsigned variant) { return pick_by(kConcerns, problem, variant); }

std::string_view transition_reason(std::string_view to_stage, unsigned variant) {
  return pick_by(kReasons, to_stage, variant);
}

std::string_view closure_note(std::string_view reason, unsigned variant) {
  return pick_by(kClosureNotes, reason, variant);
}

std::string_view approval_note(unsigned variant) { return pick(kApprovals, variant); }

std::string_view agreement_note(unsigned variant) { return pick(kAgreementNotes, variant); }

std::string_view reporter_name(std::string_view kind, unsigned variant) {
  if (kind == "person") return pick(kPersonReporters, variant);
  if (kind == "partner") return pick(kPartnerReporters, variant);
  return "";
}

std::string_view reporter_contact(std::string_view kind, unsigned variant) {
  if (kind == "person") return pick(kPersonContacts, variant);
  if (kind == "partner") return pick(kPartnerContacts, variant);
  return "";
}

}  // namespace atb::cases::samples
