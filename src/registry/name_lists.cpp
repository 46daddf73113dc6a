// Latvian given names and surnames for the demonstration generator. Written from general
// knowledge of common names in Latvia: the weights give a believable mix, not official counts.
#include "registry/name_lists.h"

#include <algorithm>
#include <set>

namespace atb::registry::lists {

const std::vector<GivenNames>& given_names() {
  static const std::vector<GivenNames> all = {
      // ---- Latvian women
      {'F', Origin::latvian, 1880, 1949,
       {{"Anna", 30}, {"Marija", 20}, {"Zenta", 14}, {"Velta", 14}, {"Biruta", 14}, {"Ausma", 12}, {"Dzidra", 12},
        {"Skaidrīte", 10}, {"Mirdza", 12}, {"Rasma", 10}, {"Aina", 12}, {"Ilga", 8}, {"Elza", 10}, {"Austra", 10},
        {"Milda", 10}, {"Emīlija", 6}, {"Alīda", 6}, {"Erna", 6}, {"Ērika", 6}, {"Ruta", 8}, {"Maiga", 6},
        {"Vilma", 6}, {"Helēna", 6}, {"Irēna", 6}, {"Veronika", 5}, {"Leontīne", 4}, {"Valentīna", 8},
        {"Lidija", 8}, {"Antoņina", 4}, {"Herta", 4}, {"Olga", 6}, {"Lilija", 5}, {"Dagmāra", 3}}},
      {'F', Origin::latvian, 1950, 1974,
       {{"Inese", 22}, {"Ilze", 22}, {"Sandra", 16}, {"Anita", 16}, {"Gunta", 12}, {"Daiga", 10}, {"Dace", 16},
        {"Iveta", 14}, {"Aija", 12}, {"Ināra", 12}, {"Vija", 10}, {"Baiba", 10}, {"Inga", 12}, {"Silvija", 10},
        {"Dzintra", 10}, {"Ingrīda", 8}, {"Lilita", 8}, {"Sarmīte", 8}, {"Gunita", 6}, {"Ilona", 8}, {"Ligita", 8},
        {"Maruta", 6}, {"Inta", 8}, {"Zaiga", 6}, {"Astrīda", 6}, {"Daina", 8}, {"Rita", 8}, {"Velga", 4},
        {"Ruta", 6}, {"Valda", 6}, {"Dzidra", 4}, {"Ārija", 4}, {"Mārīte", 6}, {"Līga", 6}, {"Guna", 6}}},
      {'F', Origin::latvian, 1975, 1994,
       {{"Kristīne", 26}, {"Linda", 20}, {"Ieva", 18}, {"Laura", 12}, {"Līga", 16}, {"Sanita", 12}, {"Evija", 12},
        {"Zane", 16}, {"Agnese", 14}, {"Elīna", 14}, {"Santa", 12}, {"Liene", 12}, {"Jolanta", 8}, {"Inga", 10},
        {"Ilze", 10}, {"Jana", 10}, {"Anete", 8}, {"Agita", 8}, {"Inese", 8}, {"Diāna", 8}, {"Elita", 6},
        {"Kitija", 6}, {"Sintija", 8}, {"Baiba", 6}, {"Madara", 8}, {"Lāsma", 6}, {"Marta", 4}, {"Dace", 8},
        {"Anna", 6}, {"Ilona", 6}, {"Una", 4}, {"Dita", 6}, {"Gita", 4}, {"Santa", 4}, {"Solvita", 4}}},
      {'F', Origin::latvian, 1995, 2009,
       {{"Laura", 18}, {"Elīza", 12}, {"Paula", 12}, {"Alise", 14}, {"Anna", 12}, {"Katrīna", 12},
        {"Elizabete", 14}, {"Marta", 10}, {"Sintija", 10}, {"Madara", 10}, {"Rebeka", 8}, {"Samanta", 8},
        {"Evelīna", 10}, {"Viktorija", 8}, {"Kristiāna", 8}, {"Estere", 6}, {"Lāsma", 6}, {"Anete", 8},
        {"Beāte", 6}, {"Sanija", 6}, {"Annija", 8}, {"Keita", 6}, {"Diāna", 6}, {"Daniela", 6}, {"Amanda", 6},
        {"Līva", 8}, {"Megija", 6}, {"Terēze", 4}, {"Ance", 8}, {"Agate", 4}, {"Linda", 6}, {"Liene", 4}}},
      {'F', Origin::latvian, 2010, 2100,
       {{"Sofija", 20}, {"Emīlija", 18}, {"Alise", 14}, {"Marta", 14}, {"Amēlija", 14}, {"Anna", 14},
        {"Elza", 12}, {"Paula", 10}, {"Estere", 10}, {"Hanna", 8}, {"Luīze", 8}, {"Marija", 8}, {"Mia", 6},
        {"Emma", 8}, {"Keita", 6}, {"Elizabete", 8}, {"Evelīna", 6}, {"Adele", 6}, {"Kate", 4}, {"Nikola", 4},
        {"Patrīcija", 4}, {"Viktorija", 6}, {"Agata", 4}, {"Beatrise", 4}, {"Laura", 6}, {"Rūta", 4},
        {"Dārta", 6}, {"Līva", 6}, {"Elīza", 6}, {"Ieva", 4}}},
      // ---- Latvian men
      {'M', Origin::latvian, 1880, 1949,
       {{"Jānis", 40}, {"Pēteris", 18}, {"Andris", 8}, {"Juris", 10}, {"Kārlis", 14}, {"Voldemārs", 8},
        {"Arvīds", 10}, {"Alfrēds", 8}, {"Edgars", 4}, {"Ēvalds", 6}, {"Gunārs", 10}, {"Imants", 8},
        {"Valdis", 8}, {"Viktors", 6}, {"Roberts", 6}, {"Harijs", 6}, {"Ojārs", 6}, {"Visvaldis", 6},
        {"Eduards", 6}, {"Ernests", 4}, {"Jāzeps", 6}, {"Antons", 6}, {"Staņislavs", 4}, {"Leonīds", 4},
        {"Aleksandrs", 6}, {"Arnolds", 6}, {"Teodors", 4}, {"Žanis", 4}, {"Fricis", 4}, {"Rūdolfs", 4}}},
      {'M', Origin::latvian, 1950, 1974,
       {{"Andris", 28}, {"Jānis", 24}, {"Juris", 18}, {"Aivars", 18}, {"Māris", 16}, {"Guntis", 14},
        {"Ivars", 14}, {"Valdis", 12}, {"Uldis", 12}, {"Normunds", 10}, {"Aigars", 10}, {"Dainis", 10},
        {"Ainārs", 8}, {"Gints", 6}, {"Raimonds", 8}, {"Gunārs", 6}, {"Imants", 6}, {"Indulis", 6}, {"Agris", 6},
        {"Viesturs", 6}, {"Arnis", 6}, {"Egils", 6}, {"Ojārs", 4}, {"Edgars", 6}, {"Modris", 4}, {"Artis", 4},
        {"Alvis", 4}, {"Ilmārs", 4}, {"Jāzeps", 3}, {"Pēteris", 6}}},
      {'M', Origin::latvian, 1975, 1994,
       {{"Mārtiņš", 22}, {"Edgars", 20}, {"Kristaps", 16}, {"Jānis", 20}, {"Andris", 10}, {"Raivis", 12},
        {"Gatis", 10}, {"Kaspars", 14}, {"Artūrs", 12}, {"Armands", 10}, {"Ivars", 8}, {"Aigars", 8},
        {"Māris", 8}, {"Rihards", 8}, {"Ģirts", 8}, {"Valters", 6}, {"Dāvis", 6}, {"Edijs", 6}, {"Rolands", 6},
        {"Toms", 6}, {"Mareks", 6}, {"Krišs", 4}, {"Uģis", 6}, {"Reinis", 6}, {"Jurģis", 4}, {"Kārlis", 6},
        {"Ēriks", 6}, {"Intars", 4}, {"Agris", 4}, {"Elvis", 4}}},
      {'M', Origin::latvian, 1995, 2009,
       {{"Kristaps", 14}, {"Roberts", 16}, {"Rihards", 14}, {"Ričards", 8}, {"Markuss", 10}, {"Daniels", 12},
        {"Dāvis", 12}, {"Niks", 8}, {"Emīls", 10}, {"Kārlis", 12}, {"Gustavs", 8}, {"Artūrs", 10},
        {"Renārs", 6}, {"Ralfs", 8}, {"Edvards", 8}, {"Tomass", 6}, {"Mārtiņš", 10}, {"Valters", 8},
        {"Raitis", 6}, {"Reinis", 8}, {"Patriks", 6}, {"Oskars", 6}, {"Krišjānis", 6}, {"Jēkabs", 6},
        {"Edgars", 6}, {"Jānis", 10}, {"Toms", 8}, {"Matīss", 8}, {"Aleksis", 4}, {"Ernests", 4}}},
      {'M', Origin::latvian, 2010, 2100,
       {{"Roberts", 16}, {"Gustavs", 14}, {"Markuss", 14}, {"Olivers", 12}, {"Emīls", 12}, {"Kārlis", 12},
        {"Daniels", 10}, {"Marks", 10}, {"Aleksandrs", 6}, {"Mārtiņš", 8}, {"Ralfs", 8}, {"Kristers", 6},
        {"Toms", 8}, {"Jēkabs", 10}, {"Teodors", 8}, {"Rūdolfs", 8}, {"Dāvids", 6}, {"Adrians", 4},
        {"Leons", 6}, {"Ernests", 6}, {"Ričards", 6}, {"Gabriels", 4}, {"Edvards", 6}, {"Augusts", 6},
        {"Miķelis", 6}, {"Jānis", 8}, {"Matīss", 6}, {"Niklāvs", 4}, {"Valters", 4}, {"Krišjānis", 4}}},
      // ---- Slavic women
      {'F', Origin::slavic, 1880, 1979,
       {{"Tatjana", 20}, {"Jeļena", 20}, {"Irina", 16}, {"Svetlana", 16}, {"Natālija", 16}, {"Olga", 16},
        {"Ludmila", 14}, {"Galina", 14}, {"Valentīna", 12}, {"Nadežda", 10}, {"Ņina", 10}, {"Tamāra", 8},
        {"Larisa", 8}, {"Ļubova", 8}, {"Vera", 8}, {"Raisa", 6}, {"Zinaīda", 6}, {"Marina", 10}, {"Alla", 6},
        {"Jekaterina", 6}, {"Antoņina", 6}, {"Valērija", 4}, {"Inna", 4}, {"Žanna", 4}}},
      {'F', Origin::slavic, 1980, 2100,
       {{"Anastasija", 18}, {"Jūlija", 14}, {"Marina", 8}, {"Viktorija", 14}, {"Darja", 12}, {"Jekaterina", 10},
        {"Kristīna", 12}, {"Oksana", 6}, {"Aleksandra", 10}, {"Sofija", 12}, {"Poļina", 8}, {"Alīna", 10},
        {"Diāna", 6}, {"Jeļena", 8}, {"Olga", 6}, {"Natālija", 6}, {"Veronika", 8}, {"Arina", 6},
        {"Milana", 6}, {"Alisa", 6}, {"Valērija", 6}, {"Jana", 6}, {"Ksenija", 6}, {"Margarita", 4}}},
      // ---- Slavic men
      {'M', Origin::slavic, 1880, 1979,
       {{"Sergejs", 22}, {"Aleksandrs", 22}, {"Vladimirs", 20}, {"Nikolajs", 14}, {"Jurijs", 14}, {"Viktors", 12},
        {"Igors", 14}, {"Oļegs", 12}, {"Anatolijs", 10}, {"Valērijs", 10}, {"Mihails", 10}, {"Ivans", 10},
        {"Genādijs", 8}, {"Vasilijs", 8}, {"Boriss", 8}, {"Leonīds", 6}, {"Vitālijs", 8}, {"Pjotrs", 6},
        {"Konstantīns", 6}, {"Andrejs", 10}, {"Aleksejs", 8}, {"Jevgēņijs", 8}, {"Valentīns", 4}, {"Grigorijs", 4}}},
      {'M', Origin::slavic, 1980, 2100,
       {{"Dmitrijs", 16}, {"Aleksandrs", 16}, {"Andrejs", 12}, {"Deniss", 12}, {"Maksims", 14}, {"Artjoms", 14},
        {"Aleksejs", 10}, {"Jevgēņijs", 8}, {"Vadims", 8}, {"Romāns", 8}, {"Ņikita", 12}, {"Kirils", 10},
        {"Daniils", 10}, {"Vladislavs", 10}, {"Iļja", 8}, {"Ivans", 8}, {"Mihails", 8}, {"Matvejs", 8},
        {"Jegors", 8}, {"Timurs", 4}, {"Sergejs", 8}, {"Igors", 4}, {"Arsēnijs", 4}, {"Timofejs", 4}}},
  };
  return all;
}

namespace {

/// The common surnames followed by the tail, whose bearers are `tail_share` times theirs.
std::vector<Surname> with_tail(std::vector<Surname> common, const std::vector<const char*>& tail, int tail_share) {
  long total = 0;
  std::set<std::string> seen;
  for (const Surname& s : common) {
    total += s.weight;
    seen.insert(s.masculine);
  }
  std::vector<const char*> rest;
  for (const char* m : tail) {
    if (seen.insert(m).second) rest.push_back(m);  // a name in both lists counts once
  }
  const int each = static_cast<int>(std::max<long>(1, total * tail_share / static_cast<long>(rest.size())));
  for (const char* m : rest) common.push_back(Surname{m, feminine_of(m), each});
  return common;
}

std::string feminine_of_part(const std::string& s) {
  auto cut = [&](std::size_t n, const char* add) { return s.substr(0, s.size() - n) + add; };
  if (s.ends_with("š")) return cut(std::string_view("š").size(), "a");
  if (s.ends_with("nieks")) return cut(2, "ce");
  if (s.ends_with("sons")) return cut(1, "e");
  if (s.ends_with("skis") || s.ends_with("ckis")) return cut(2, "a");
  if (s.ends_with("is")) return cut(2, "e");
  if (s.ends_with("s")) return cut(1, "a");
  return s;
}

}  // namespace

std::string feminine_of(std::string_view m) {
  std::string out;
  std::size_t start = 0;
  for (;;) {  // each part of a double surname (Ozoliņš-Ozols → Ozoliņa-Ozola)
    const std::size_t dash = m.find('-', start);
    out += feminine_of_part(std::string(m.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start)));
    if (dash == std::string_view::npos) return out;
    out += '-';
    start = dash + 1;
  }
}

const std::vector<Surname>& latvian_surnames() {
  static const std::vector<Surname> all = with_tail({
      {"Bērziņš", "Bērziņa", 140}, {"Kalniņš", "Kalniņa", 100}, {"Ozols", "Ozola", 90}, {"Jansons", "Jansone", 80},
      {"Ozoliņš", "Ozoliņa", 80}, {"Liepiņš", "Liepiņa", 70}, {"Krūmiņš", "Krūmiņa", 60}, {"Balodis", "Balode", 60},
      {"Eglītis", "Eglīte", 50}, {"Zariņš", "Zariņa", 50}, {"Pētersons", "Pētersone", 50}, {"Vītols", "Vītola", 50},
      {"Kļaviņš", "Kļaviņa", 50}, {"Ziemelis", "Ziemele", 30}, {"Lapiņš", "Lapiņa", 50}, {"Kārkliņš", "Kārkliņa", 40},
      {"Vanags", "Vanaga", 40}, {"Strods", "Stroda", 30}, {"Kalējs", "Kalēja", 40}, {"Zvirbulis", "Zvirbule", 30},
      {"Liepa", "Liepa", 40}, {"Grants", "Granta", 20}, {"Siliņš", "Siliņa", 40}, {"Āboliņš", "Āboliņa", 30},
      {"Freimanis", "Freimane", 30}, {"Lūsis", "Lūse", 30}, {"Zālītis", "Zālīte", 30}, {"Sproģis", "Sproģe", 30},
      {"Briedis", "Briede", 30}, {"Mednis", "Medne", 20}, {"Dzenis", "Dzene", 20}, {"Priede", "Priede", 20},
      {"Auziņš", "Auziņa", 30}, {"Rozenbergs", "Rozenberga", 30}, {"Millers", "Millere", 20}, {"Šmits", "Šmite", 30},
      {"Krastiņš", "Krastiņa", 40}, {"Upenieks", "Upeniece", 20}, {"Vilks", "Vilka", 30}, {"Zaķis", "Zaķe", 20},
      {"Lācis", "Lāce", 40}, {"Akmentiņš", "Akmentiņa", 20}, {"Saulītis", "Saulīte", 20}, {"Zeltiņš", "Zeltiņa", 20},
      {"Rudzītis", "Rudzīte", 30}, {"Putniņš", "Putniņa", 30}, {"Jēkabsons", "Jēkabsone", 30},
      {"Andersons", "Andersone", 30}, {"Ādamsons", "Ādamsone", 20}, {"Kauliņš", "Kauliņa", 20},
      {"Cīrulis", "Cīrule", 30}, {"Kociņš", "Kociņa", 20}, {"Kalns", "Kalna", 20}, {"Ķēniņš", "Ķēniņa", 10},
      {"Laizāns", "Laizāne", 10}, {"Latkovskis", "Latkovska", 20}, {"Upītis", "Upīte", 30}, {"Gailis", "Gaile", 30},
      {"Dreimanis", "Dreimane", 10}, {"Sīlis", "Sīle", 10}, {"Celmiņš", "Celmiņa", 20}, {"Grīnbergs", "Grīnberga", 20},
      {"Lasmanis", "Lasmane", 10}, {"Kronbergs", "Kronberga", 10}, {"Ločmelis", "Ločmele", 10},
      {"Skujiņš", "Skujiņa", 20}, {"Puriņš", "Puriņa", 20}, {"Zīle", "Zīle", 10}, {"Žagars", "Žagare", 20},
      {"Dūmiņš", "Dūmiņa", 10}, {"Pakalns", "Pakalne", 10}, {"Ziediņš", "Ziediņa", 10},
      {"Birznieks", "Birzniece", 20}, {"Kalnietis", "Kalniete", 10}, {"Kundziņš", "Kundziņa", 10},
      {"Muižnieks", "Muižniece", 20}, {"Gulbis", "Gulbe", 20}, {"Pūce", "Pūce", 10}, {"Rubenis", "Rubene", 10},
      {"Zommers", "Zommere", 10}, {"Šteins", "Šteina", 10}, {"Valters", "Valtere", 10}, {"Vīksna", "Vīksna", 20},
      {"Sniķers", "Sniķere", 10}, {"Jurjāns", "Jurjāne", 10}, {"Strazdiņš", "Strazdiņa", 20},
      {"Strazds", "Strazda", 20}, {"Rožkalns", "Rožkalne", 10}, {"Ābols", "Ābola", 20}, {"Leimanis", "Leimane", 10},
      {"Blūms", "Blūma", 10}, {"Pīrāgs", "Pīrāga", 10}, {"Rutkovskis", "Rutkovska", 10}, {"Vaivods", "Vaivode", 10},
      {"Spridzāns", "Spridzāne", 10}, {"Stankevičs", "Stankeviča", 20}, {"Kurzemnieks", "Kurzemniece", 10},
      {"Tauriņš", "Tauriņa", 10}, {"Plūme", "Plūme", 10}, {"Egle", "Egle", 10}, {"Bērzs", "Bērza", 10},
      {"Zvaigzne", "Zvaigzne", 10}, {"Kalniņš-Ozols", "Kalniņa-Ozola", 1}, {"Lazdiņš", "Lazdiņa", 20},
      {"Kazaks", "Kazaka", 10}, {"Ūdris", "Ūdre", 10}, {"Sarkanis", "Sarkane", 10}, {"Rubīns", "Rubīna", 10},
      {"Āriņš", "Āriņa", 10}, {"Vasiļevskis", "Vasiļevska", 10}, {"Ruņģis", "Ruņģe", 10}, {"Mežals", "Mežale", 10},
      {"Mežulis", "Mežule", 10}, {"Bite", "Bite", 10}, {"Feldmanis", "Feldmane", 10}, {"Eglājs", "Eglāja", 10},
  }, latvian_surname_tail(), 3);
  return all;
}

const std::vector<Surname>& slavic_surnames() {
  static const std::vector<Surname> all = with_tail({
      {"Ivanovs", "Ivanova", 80}, {"Petrovs", "Petrova", 40}, {"Smirnovs", "Smirnova", 40},
      {"Kuzņecovs", "Kuzņecova", 40}, {"Vasiļjevs", "Vasiļjeva", 40}, {"Popovs", "Popova", 30},
      {"Sokolovs", "Sokolova", 30}, {"Mihailovs", "Mihailova", 30}, {"Novikovs", "Novikova", 30},
      {"Fjodorovs", "Fjodorova", 30}, {"Morozovs", "Morozova", 30}, {"Volkovs", "Volkova", 30},
      {"Aleksejevs", "Aleksejeva", 30}, {"Lebedevs", "Lebedeva", 20}, {"Semjonovs", "Semjonova", 20},
      {"Jegorovs", "Jegorova", 20}, {"Pavlovs", "Pavlova", 20}, {"Kozlovs", "Kozlova", 20},
      {"Stepanovs", "Stepanova", 20}, {"Nikolajevs", "Nikolajeva", 30}, {"Orlovs", "Orlova", 20},
      {"Andrejevs", "Andrejeva", 30}, {"Makarovs", "Makarova", 20}, {"Zaharovs", "Zaharova", 20},
      {"Solovjovs", "Solovjova", 20}, {"Borisovs", "Borisova", 20}, {"Jakovļevs", "Jakovļeva", 20},
      {"Grigorjevs", "Grigorjeva", 20}, {"Romanovs", "Romanova", 20}, {"Vorobjovs", "Vorobjova", 10},
      {"Sergejevs", "Sergejeva", 20}, {"Kuzmins", "Kuzmina", 20}, {"Frolovs", "Frolova", 10},
      {"Aleksandrovs", "Aleksandrova", 20}, {"Dmitrijevs", "Dmitrijeva", 20}, {"Koroļovs", "Koroļova", 10},
      {"Gusevs", "Guseva", 10}, {"Kiseļovs", "Kiseļova", 10}, {"Iļjins", "Iļjina", 10},
      {"Maksimovs", "Maksimova", 10}, {"Poļakovs", "Poļakova", 10}, {"Sorokins", "Sorokina", 10},
      {"Vinogradovs", "Vinogradova", 10}, {"Kovaļovs", "Kovaļova", 10}, {"Belovs", "Belova", 10},
      {"Medvedevs", "Medvedeva", 10}, {"Antonovs", "Antonova", 10}, {"Tarasovs", "Tarasova", 10},
      {"Žukovs", "Žukova", 10}, {"Baranovs", "Baranova", 10}, {"Filipovs", "Filipova", 10},
      {"Komarovs", "Komarova", 10}, {"Davidovs", "Davidova", 10}, {"Beļajevs", "Beļajeva", 10},
      {"Gerasimovs", "Gerasimova", 10}, {"Bogdanovs", "Bogdanova", 10}, {"Osipovs", "Osipova", 10},
      {"Sidorovs", "Sidorova", 10}, {"Matvejevs", "Matvejeva", 10}, {"Titovs", "Titova", 10},
      {"Markovs", "Markova", 10}, {"Mironovs", "Mironova", 10}, {"Krilovs", "Krilova", 10},
      {"Kuļikovs", "Kuļikova", 10}, {"Karpovs", "Karpova", 10}, {"Vlasovs", "Vlasova", 10},
      {"Melņikovs", "Melņikova", 10}, {"Denisovs", "Denisova", 10}, {"Gavrilovs", "Gavrilova", 10},
      {"Tihonovs", "Tihonova", 10}, {"Kazakovs", "Kazakova", 10}, {"Afanasjevs", "Afanasjeva", 10},
      {"Daņilovs", "Daņilova", 10}, {"Saveļjevs", "Saveļjeva", 10}, {"Timofejevs", "Timofejeva", 10},
      {"Fomins", "Fomina", 10}, {"Kovaļevskis", "Kovaļevska", 10}, {"Jankovskis", "Jankovska", 20},
      {"Ševčenko", "Ševčenko", 10}, {"Bondarenko", "Bondarenko", 10}, {"Kovaļenko", "Kovaļenko", 10},
      {"Tkačenko", "Tkačenko", 10}, {"Visockis", "Visocka", 10}, {"Pavlovskis", "Pavlovska", 10},
      {"Šuvalovs", "Šuvalova", 10}, {"Čerņavskis", "Čerņavska", 10}, {"Trofimovs", "Trofimova", 10},
  }, slavic_surname_tail(), 2);
  return all;
}

}  // namespace atb::registry::lists
