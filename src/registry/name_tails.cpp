// The long tails of the name lists (name_lists.h): less common given names of any era, and less
// common surnames in their masculine form. Written from general knowledge of names in Latvia.
#include "registry/name_lists.h"

namespace atb::registry::lists {
namespace {

std::vector<WeightedName> ones(std::initializer_list<const char*> names) {
  std::vector<WeightedName> out;
  for (const char* n : names) out.push_back({n, 1});
  return out;
}

}  // namespace

const std::vector<GivenNames>& rare_given_names() {
  static const std::vector<GivenNames> all = {
      {'F', Origin::latvian, 1880, 2100,
       ones({"Aelita", "Agra", "Aira", "Alda", "Aldona", "Alma", "Alvīne", "Andra", "Anitra", "Antra", "Arta", "Aiga",
             "Astra", "Benita", "Brigita", "Dagnija", "Dina", "Edīte", "Egija", "Elga", "Elvīra", "Evita", "Gunda",
             "Gundega", "Helga", "Ilva", "Indra", "Ingūna", "Irita", "Kaiva", "Karīna", "Kintija", "Lolita", "Maija",
             "Mairita", "Marika", "Monta", "Nora", "Olita", "Rudīte", "Signe", "Silva", "Tija", "Vēsma", "Vita",
             "Vizma", "Zanda", "Zelma", "Aleksandra", "Annele", "Anitra", "Baiba", "Daiga", "Dzintra", "Elīna", "Guna",
             "Ieva", "Ilona", "Inta", "Jolanta", "Laila", "Lelde", "Lība", "Līna", "Madara", "Mirdza", "Ramona",
             "Rasa", "Rita", "Sabīne", "Sandra", "Sanita", "Santa", "Sintija", "Solvita", "Una", "Vineta", "Zaiga"})},
      {'M', Origin::latvian, 1880, 2100,
       ones({"Aldis", "Alvis", "Andis", "Ansis", "Artis", "Arvis", "Atis", "Austris", "Didzis", "Egils", "Einārs",
             "Elmārs", "Ervīns", "Gatis", "Gints", "Guntars", "Harijs", "Ilgvars", "Ilmārs", "Ingus", "Intars", "Ivo",
             "Jāzeps", "Kalvis", "Klāvs", "Krišs", "Kristiāns", "Lauris", "Linards", "Miks", "Modris", "Oļģerts",
             "Pauls", "Raitis", "Renārs", "Rinalds", "Sandis", "Sigurds", "Uldis", "Uģis", "Valdemārs", "Varis",
             "Viesturs", "Vilnis", "Visvaldis", "Zigmārs", "Ziedonis", "Žanis", "Aivis", "Edijs", "Niklāvs", "Ainis",
             "Alberts", "Arnolds", "Aleksis", "Dāgs", "Dzintars", "Ēriks", "Gunārs", "Haralds", "Indriķis", "Jurģis",
             "Krišjānis", "Laimonis", "Mikus", "Normunds", "Oskars", "Ojārs", "Ralfs", "Reinis", "Toms", "Vents"})},
      {'F', Origin::slavic, 1880, 2100,
       ones({"Aleksandra", "Alevtīna", "Anžela", "Antoņina", "Dina", "Eleonora", "Elvīra", "Evelīna", "Faina", "Inga",
             "Inna", "Jevgēņija", "Karina", "Kira", "Klaudija", "Lidija", "Lilija", "Margarita", "Marija", "Nellija",
             "Regīna", "Stella", "Taisija", "Uļjana", "Vasilisa", "Zoja", "Ksenija", "Vera", "Tamāra", "Jeļizaveta",
             "Larisa", "Ludmila", "Maija", "Olesja", "Alīna", "Diāna", "Valērija", "Jana", "Sofija", "Nadežda"})},
      {'M', Origin::slavic, 1880, 2100,
       ones({"Anatolijs", "Antons", "Arkādijs", "Arsēnijs", "Daniils", "Eduards", "Filips", "Fjodors", "Gļebs",
             "Georgijs", "Germans", "Grigorijs", "Iļja", "Jaroslavs", "Jegors", "Konstantīns", "Makars", "Marks",
             "Matvejs", "Pāvels", "Pjotrs", "Romāns", "Ruslans", "Semjons", "Staņislavs", "Stepans", "Timurs", "Vadims",
             "Valentīns", "Vasilijs", "Veniamins", "Vitālijs", "Vjačeslavs", "Vladislavs", "Zahars", "Aleksejs",
             "Boriss", "Deniss", "Genādijs", "Leonīds", "Mihails", "Oļegs", "Jurijs", "Viktors", "Kirils"})},
  };
  return all;
}

const std::vector<const char*>& latvian_surname_tail() {
  static const std::vector<const char*> all = {
      "Aizpurs", "Akmens", "Aldersons", "Alksnis", "Alunāns", "Ancāns", "Apinis", "Apsītis", "Arājs", "Āboltiņš",
      "Ābeltiņš", "Avotiņš", "Bajārs", "Baltiņš", "Baumanis", "Bebris", "Beķeris", "Bergmanis", "Bērtulis",
      "Bičevskis", "Birkavs", "Bļodnieks", "Blumbergs", "Brālis", "Brants", "Brencis", "Briģis", "Broks",
      "Bumbieris", "Bušs", "Celms", "Cielēns", "Cimdiņš", "Dambergs", "Daukšts", "Dīriķis", "Dombrovskis",
      "Drēziņš", "Driķis", "Dubults", "Endziņš", "Ezeriņš", "Ezergailis", "Feldbergs", "Fogelis",
      "Gailītis", "Gaujenieks", "Graudiņš", "Grāvītis", "Grīnfelds", "Grundmanis", "Gulbītis", "Gūtmanis",
      "Helmanis", "Iesalnieks", "Ikaunieks", "Irbītis", "Jākobsons", "Jaunzems", "Jaunzemis", "Jurēvics", "Jurķis",
      "Kaktiņš", "Kalnbērziņš", "Kalvītis", "Kampars", "Keišs", "Ķiploks", "Klētnieks", "Kokars", "Kolbergs",
      "Krauklis", "Krēsliņš", "Kreišmanis", "Krieviņš", "Kūlis", "Kupčs", "Ķuzis", "Kviesis", "Lagzdiņš", "Laucis",
      "Laukmanis", "Legzdiņš", "Leitis", "Lejnieks", "Liepnieks", "Līcis", "Līdaks", "Līviņš", "Ločs", "Mālnieks",
      "Martinsons", "Matīss", "Mauriņš", "Meiers", "Meļķis", "Mežgailis", "Miezis", "Mihelsons", "Miķelsons",
      "Mucenieks", "Mūrnieks", "Neimanis", "Nīmanis", "Niedrītis", "Ozolnieks", "Pakalniņš", "Pauliņš", "Pelšs",
      "Pērkons", "Podnieks", "Pommers", "Pumpurs", "Purmalis", "Purvinskis", "Rancāns", "Ratnieks", "Rēvelis",
      "Riekstiņš", "Rieksts", "Rimšs", "Ritums", "Rozītis", "Rūsiņš", "Salmiņš", "Sausiņš", "Sīpols", "Skrastiņš",
      "Sondors", "Spirģis", "Spriņģis", "Sprūds", "Stiebriņš", "Strautiņš", "Strautmanis", "Stūrmanis", "Sudmalis",
      "Šics", "Šlesers", "Šmidts", "Štrauss", "Tiltiņš", "Treimanis", "Trops", "Tūters", "Ulmanis", "Valdmanis",
      "Vanadziņš", "Vecvagars", "Veinbergs", "Vējonis", "Vīgants", "Vilciņš", "Vīns", "Virsis", "Vītoliņš",
      "Zaļkalns", "Zemītis", "Zīverts", "Zirnis", "Zutis", "Žīgurs", "Jaunbērziņš", "Bojārs", "Daugulis",
      "Geidāns", "Kokins", "Lipskis", "Murāns", "Pudāns", "Rimicāns", "Seiksts", "Stafeckis", "Tračums", "Vilcāns",
      "Zelčs", "Krīgers", "Ozoliņš-Ozols", "Bērziņš-Liepa", "Kalnājs", "Lapsiņš", "Meļņikovs", "Sproģis", "Strods",
      "Andžāns", "Aņisimovs", "Auniņš", "Baranovskis", "Bērzkalns", "Birkenfelds", "Blūzmanis", "Bukovskis",
      "Čakste", "Dzintars", "Dzirkalis", "Eniņš", "Ermansons", "Freibergs", "Gaigals", "Galviņš", "Golubevs",
      "Grīviņš", "Indriksons", "Jēkabsons", "Jurjevs", "Kalniņš", "Kārklis", "Kazāks", "Klāviņš", "Korsaks",
      "Kronis", "Lācītis", "Lauberts", "Lielkalns", "Liepkalns", "Lūsēns", "Mednis", "Mežavilks", "Mētra", "Mihailovs",
      "Millers", "Neilands", "Ošiņš", "Ozolkalns", "Paeglis", "Paulovičs", "Pētersons", "Pīpiņš", "Priedītis",
      "Pūpols", "Reinbergs", "Riekstiņš", "Rozenfelds", "Rožkalns", "Rudzāts", "Saulkalns", "Sietiņš",
      "Siliņš", "Skuķis", "Smilškalns", "Stepiņš", "Strazdiņš", "Sviķis", "Šteinbergs", "Tālbergs", "Upmalis",
      "Vārna", "Vasiļjevs", "Vēveris", "Zaķis", "Zeltiņš", "Ziemelis", "Zvaigzne", "Zvejnieks", "Zvīgulis",
  };
  return all;
}

const std::vector<const char*>& slavic_surname_tail() {
  static const std::vector<const char*> all = {
      "Abramovs", "Agafonovs", "Akimovs", "Aksjonovs", "Anisimovs", "Arhipovs", "Artjomovs", "Babkins", "Bikovs",
      "Bobrovs", "Bogomolovs", "Bolšakovs", "Borodins", "Bukins", "Burovs", "Čerņikovs", "Čistjakovs", "Dorofejevs",
      "Drozdovs", "Dubovs", "Fadejevs", "Fedotovs", "Filatovs", "Fokins", "Gaidukovs", "Golubevs", "Gončarovs",
      "Gorbunovs", "Gorškovs", "Gromovs", "Gubanovs", "Ignatjevs", "Isajevs", "Jakušins", "Jefimovs", "Jeršovs",
      "Jermakovs", "Jesipovs", "Judins", "Kalinins", "Kapustins", "Kirillovs", "Klimovs", "Kočetkovs", "Kolesņikovs",
      "Komissarovs", "Kondratjevs", "Kopilovs", "Korņilovs", "Kotovs", "Krasnovs", "Krjukovs", "Kudrjavcevs",
      "Kulakovs", "Kuprijanovs", "Larionovs", "Lavrentjevs", "Lazarevs", "Lihačovs", "Loginovs", "Lukins",
      "Lukjanovs", "Mamontovs", "Maslovs", "Mišins", "Moisejevs", "Muravjovs", "Nazarovs", "Ņesterovs", "Ņikitins",
      "Ovčiņņikovs", "Panovs", "Pankratovs", "Petuhovs", "Pimenovs", "Ponomarjovs", "Prohorovs", "Rodionovs",
      "Rogovs", "Rudakovs", "Rumjancevs", "Ribakovs", "Safonovs", "Samoilovs", "Savins", "Seļivanovs",
      "Sevastjanovs", "Silins", "Sitņikovs", "Skvorcovs", "Sobolevs", "Suvorovs", "Šarovs", "Ščerbakovs",
      "Šestakovs", "Širokovs", "Terentjevs", "Tihomirovs", "Truhins", "Tumanovs", "Udalovs", "Ustinovs", "Uvarovs",
      "Vasins", "Veselovs", "Voronovs", "Voroncovs", "Zaicevs", "Zujevs", "Zinovjevs", "Zotovs", "Žilins",
      "Babajevs", "Beļakovs", "Bondarevs", "Bulatovs", "Cvetkovs", "Demidovs", "Dubovskis", "Kozlovskis",
      "Lisovskis", "Mackevičs", "Novickis", "Petrovskis", "Sadovskis", "Sokolovskis", "Voitkevičs", "Zaharevičs",
      "Šinkevičs", "Jakubovskis", "Kaminskis", "Jurčenko", "Kravčenko", "Lisenko", "Marčenko", "Pavlenko",
      "Savčenko", "Ševčuks", "Kovaļčuks", "Poliščuks", "Tkačuks", "Gusarovs", "Hohlovs", "Jegorovs", "Karpenko",
      "Kovaļevs", "Lebedinskis", "Mihejevs", "Naumovs", "Osipenko", "Pahomovs", "Rjabovs", "Sorokins", "Trofimovs",
  };
  return all;
}

}  // namespace atb::registry::lists
