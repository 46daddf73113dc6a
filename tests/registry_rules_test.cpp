// Registry rules without a database: the Latvian personal code and person names.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "registry/names.h"
#include "registry/personal_code.h"

namespace atb::registry {
namespace {

/// The check digit computed independently of the code under test.
char check_digit_of(const std::string& first10) {
  const int weights[10] = {1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += weights[i] * (first10[static_cast<std::size_t>(i)] - '0');
  return static_cast<char>('0' + (1101 - sum) % 11 % 10);
}

/// A valid old-format code for the first ten digits.
std::string valid_code(const std::string& first10) {
  return first10 + check_digit_of(first10);
}

/// The same code with a wrong check digit.
std::string wrong_check(const std::string& first10) {
  return first10 + static_cast<char>('0' + (check_digit_of(first10) - '0' + 1) % 10);
}

const Date kToday{2025, 6, 15};

Result<PersonalCode> parse(const std::string& input) {
  return parse_personal_code_on(input, "personal_code", kToday);
}

/// The Latvian message of the only field error, or "" when `r` succeeded.
template <class T>
std::string lv_message(const Result<T>& r) {
  if (r) return "";
  EXPECT_EQ(r.error().code, Errc::invalid);
  EXPECT_EQ(r.error().fields.size(), 1u);
  return r.error().fields.empty() ? "?" : r.error().fields[0].message.lv;
}

TEST(RegistryPersonalCode, CheckDigitFormula) {
  // Worked by hand: 0·1+1·6+0·3+1·7+9·9+0·10+1·5+0+0+0 = 99; (1101 − 99) mod 11 = 1.
  EXPECT_EQ(personal_code_check_digit("0101901000"), 1);
  // So 010190-10001 is valid, and the often quoted 010190-10007 is not.
  EXPECT_TRUE(parse("010190-10001"));
  EXPECT_EQ(lv_message(parse("010190-10007")), "Personas koda kontrolcipars nav pareizs.");
  EXPECT_EQ(personal_code_check_digit("3112992345"), 8);
  EXPECT_EQ(personal_code_check_digit("0000000000"), 1);
  EXPECT_EQ(personal_code_check_digit("123"), -1);
  EXPECT_EQ(personal_code_check_digit("12345678x0"), -1);
  for (const char* first10 : {"1503851234", "0506070123", "3112992345", "0102031111"})
    EXPECT_EQ(personal_code_check_digit(first10), check_digit_of(first10) - '0') << first10;
}

TEST(RegistryPersonalCode, ValidOldFormatWithAndWithoutHyphen) {
  const std::string code = valid_code("1503851234");
  for (const std::string& input : {code, code.substr(0, 6) + "-" + code.substr(6),
                                   "  " + code.substr(0, 6) + "-" + code.substr(6) + " "}) {
    auto r = parse(input);
    ASSERT_TRUE(r) << input << ": " << lv_message(r);
    EXPECT_EQ(r->digits, code);
    EXPECT_EQ(r->format, CodeFormat::old_format);
    ASSERT_TRUE(r->birth_date);
    EXPECT_EQ(*r->birth_date, (Date{1985, 3, 15}));
    EXPECT_TRUE(r->check_digit_holds);
  }
  EXPECT_EQ(format_personal_code(code), "150385-" + code.substr(6));
  EXPECT_EQ(format_personal_code("123"), "123");
}

TEST(RegistryPersonalCode, WrongCheckDigitIsRefusedInBothLanguages) {
  auto r = parse_personal_code_on(wrong_check("1503851234"), "persons.0.code", kToday);
  ASSERT_FALSE(r);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "persons.0.code");
  EXPECT_EQ(r.error().fields[0].message.lv, "Personas koda kontrolcipars nav pareizs.");
  EXPECT_EQ(r.error().fields[0].message.en, "The check digit of the personal code is wrong.");
}

TEST(RegistryPersonalCode, CenturyDigit) {
  auto r1800 = parse(valid_code("0506070123"));
  ASSERT_TRUE(r1800);
  EXPECT_EQ(*r1800->birth_date, (Date{1807, 6, 5}));
  auto r1900 = parse(valid_code("0506071123"));
  ASSERT_TRUE(r1900);
  EXPECT_EQ(*r1900->birth_date, (Date{1907, 6, 5}));
  auto r2000 = parse(valid_code("0506072123"));
  ASSERT_TRUE(r2000);
  EXPECT_EQ(*r2000->birth_date, (Date{2007, 6, 5}));
  auto r3 = parse(valid_code("0506073123"));
  EXPECT_NE(lv_message(r3).find("gadsimts"), std::string::npos) << lv_message(r3);
  EXPECT_NE(r3.error().fields[0].message.en.find("century"), std::string::npos);
}

TEST(RegistryPersonalCode, TwentyNinthOfFebruaryOnlyInLeapYears) {
  EXPECT_TRUE(parse(valid_code("2902002234")));           // 2000: leap (divisible by 400)
  EXPECT_TRUE(parse(valid_code("2902961234")));           // 1996: leap
  EXPECT_EQ(lv_message(parse(valid_code("2902001234"))),  // 1900: not leap
            "Personas kodā ir neesošs datums.");
  EXPECT_EQ(lv_message(parse(valid_code("2902231234"))), "Personas kodā ir neesošs datums.");
  EXPECT_EQ(lv_message(parse(valid_code("0013851234"))), "Personas kodā ir neesošs datums.");
  EXPECT_EQ(lv_message(parse(valid_code("0000851234"))), "Personas kodā ir neesošs datums.");
}

TEST(RegistryPersonalCode, BirthDateInTheFutureIsRefused) {
  EXPECT_TRUE(parse(valid_code("1506252345")));         // 2025-06-15: today
  const auto future = parse(valid_code("1606252345"));  // 2025-06-16
  EXPECT_NE(lv_message(future).find("nākotnē"), std::string::npos) << lv_message(future);
  EXPECT_NE(future.error().fields[0].message.en.find("future"), std::string::npos);
  // With the real clock: a code born in 2099 is in the future.
  EXPECT_FALSE(parse_personal_code(valid_code("0101992345")));
  EXPECT_TRUE(parse_personal_code(valid_code("0101991345")));
}

TEST(RegistryPersonalCode, DaysThirtyAndThirtyOneAreOldFormat) {
  auto r = parse(valid_code("3112991234"));
  ASSERT_TRUE(r) << lv_message(r);
  EXPECT_EQ(r->format, CodeFormat::old_format);
  EXPECT_EQ(*r->birth_date, (Date{1999, 12, 31}));
  // 31 April is neither an old-format date nor a new-format code (second digit 0 or 1).
  const std::string bad = lv_message(parse(valid_code("3104991234")));
  EXPECT_NE(bad.find("otrais cipars"), std::string::npos) << bad;
  EXPECT_NE(lv_message(parse(valid_code("4101991234"))).find("pirmais cipars"), std::string::npos);
}

TEST(RegistryPersonalCode, NewFormatIsAcceptedWithCheckDigitFlag) {
  const std::string holds = valid_code("3254678901");
  auto r = parse(holds.substr(0, 6) + "-" + holds.substr(6));
  ASSERT_TRUE(r) << lv_message(r);
  EXPECT_EQ(r->format, CodeFormat::new_format);
  EXPECT_EQ(r->digits, holds);
  EXPECT_FALSE(r->birth_date);
  EXPECT_TRUE(r->check_digit_holds);

  auto other = parse(wrong_check("3254678901"));
  ASSERT_TRUE(other);
  EXPECT_EQ(other->format, CodeFormat::new_format);
  EXPECT_FALSE(other->check_digit_holds);
  for (char second = '2'; second <= '9'; ++second) {
    auto any = parse(std::string("3") + second + "999999999");
    ASSERT_TRUE(any) << second;
    EXPECT_EQ(any->format, CodeFormat::new_format);
  }
}

TEST(RegistryPersonalCode, WrongLengthOrCharacters) {
  const std::string expected = "Personas kodā jābūt 11 cipariem (XXXXXX-XXXXX).";
  for (const char* bad :
       {"", "   ", "12345", "150385123456", "15038-512345", "150385-1234a", "1503851234-5",
        "150385--12345", "150385 12345", "１５０３８５１２３４５"})
    EXPECT_EQ(lv_message(parse(bad)), expected) << bad;
  auto r = parse("12");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields[0].message.en,
            "The personal code must have 11 digits (XXXXXX-XXXXX).");
}

TEST(RegistryPersonalCode, QueryDigits) {
  EXPECT_EQ(code_query_digits("150385"), "150385");
  EXPECT_EQ(code_query_digits(" 150385- "), "150385");
  EXPECT_EQ(code_query_digits("150385-1"), "1503851");
  EXPECT_EQ(code_query_digits("150385-12345"), "15038512345");
  EXPECT_EQ(code_query_digits("15038512345"), "15038512345");
  EXPECT_FALSE(code_query_digits("15038"));
  EXPECT_FALSE(code_query_digits("150385123456"));
  EXPECT_FALSE(code_query_digits("1503-85"));
  EXPECT_FALSE(code_query_digits("Bērziņa"));
  EXPECT_FALSE(code_query_digits("150385 1"));
  EXPECT_FALSE(code_query_digits(""));
}

TEST(RegistryNames, FoldRemovesDiacriticsCaseAndPunctuation) {
  EXPECT_EQ(fold("Bērziņa-Ozola"), "berzina ozola");
  EXPECT_EQ(fold("  ĀČĒĢĪĶĻŅŠŪŽ  āčēģīķļņšūž "), "acegiklnsuz acegiklnsuz");
  EXPECT_EQ(fold("Shmits"), "smits");
  EXPECT_EQ(fold("Šmits"), "smits");
  EXPECT_EQ(fold("Chaikovskis"), "caikovskis");
  EXPECT_EQ(fold("Zhagars"), fold("Žagars"));
  EXPECT_EQ(fold("Ļ'vova, Anna Marija (2.)"), "l vova anna marija 2");
  EXPECT_EQ(fold("Łukasz Jørgensen Đurić Straße"), "lukasz jorgensen duric strasse");
  EXPECT_EQ(fold("Иванов"), "ivanov");
  EXPECT_EQ(fold("s-h"), "s h");
  EXPECT_EQ(fold(""), "");
  EXPECT_EQ(fold("---"), "");
  EXPECT_EQ(fold("A\xff"
                 "B"),
            "a b");  // invalid UTF-8 separates
  EXPECT_EQ(fold_tokens(" Anna  Bērziņa-Ozola "),
            (std::vector<std::string>{"anna", "berzina", "ozola"}));
  EXPECT_TRUE(fold_tokens(" - ").empty());
}

TEST(RegistryNames, StemMakesGenderedFormsMeet) {
  EXPECT_EQ(stem("berzins"), "berzin");
  EXPECT_EQ(stem("berzina"), "berzin");
  EXPECT_EQ(stem("balodis"), "balod");
  EXPECT_EQ(stem("balode"), "balod");
  EXPECT_EQ(stem("ozols"), "ozol");
  EXPECT_EQ(stem("ozola"), "ozol");
  EXPECT_EQ(stem("kalnins"), "kalnin");
  EXPECT_EQ(stem("kalnina"), "kalnin");
  EXPECT_EQ(stem("liepa"), "liep");
  EXPECT_EQ(stem("janis"), "jan");
  EXPECT_EQ(stem("ann"), "ann");
  EXPECT_EQ(stem("anna"), "ann");
  EXPECT_EQ(stem("ilzes"), "ilze");  // one ending only: "es" is not one, so the "s" goes
  EXPECT_EQ(stem("ais"), "ais");     // too short to strip
  EXPECT_EQ(stem("kalnieks"), "kalniek");  // -ieks and -iece: one stem, stable when stemmed again
  EXPECT_EQ(stem("kalniece"), "kalniek");
  EXPECT_EQ(stem("kalniek"), "kalniek");
  EXPECT_EQ(stem("mezniece"), "mezniek");
  EXPECT_EQ(stem("baltais"), "balt");      // -ais and -ā (folded "a")
  EXPECT_EQ(stem("balta"), "balt");
  EXPECT_EQ(stem("lauris"), "laur");
  EXPECT_EQ(stem(""), "");
}

TEST(RegistryNames, SpellingsOfOneSurnameShareAKey) {
  const std::vector<std::string> expected{"berzin"};
  for (const char* spelling : {"Bērziņš", "Berzina", "Bērziņa", "Berzins", "BĒRZIŅŠ"})
    EXPECT_EQ(name_keys("", spelling), expected) << spelling;
  EXPECT_EQ(name_keys("Shmits", ""), name_keys("", "Šmits"));
  EXPECT_EQ(name_keys("Anna Marija", "Bērziņa-Ozola"),
            (std::vector<std::string>{"ann", "marij", "berzin", "ozol"}));
  EXPECT_EQ(name_keys("Anna", "Anna"), (std::vector<std::string>{"ann"}));
}

TEST(RegistryNames, LatvianCollationOrder) {
  std::vector<std::string> names{"Čakste", "Cīrulis", "Zariņš", "Žagars",
                                 "Šmits",  "Sīlis",   "Ābols",  "Auziņa"};
  const std::vector<std::string> expected{"Ābols", "Auziņa", "Cīrulis", "Čakste",
                                          "Sīlis", "Šmits",  "Zariņš",  "Žagars"};
  std::vector<std::string> by_less = names;
  std::sort(by_less.begin(), by_less.end(),
            [](const std::string& a, const std::string& b) { return collate_less(a, b); });
  EXPECT_EQ(by_less, expected);
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return collation_key(a) < collation_key(b);
  });
  EXPECT_EQ(names, expected);
  // č, š, ž are letters of their own: after every word with c, s, z.
  EXPECT_TRUE(collate_less("Czarnecka", "Čakste"));
  EXPECT_TRUE(collate_less("Szabo", "Šakars"));
  // ā is next to a: only a secondary difference.
  EXPECT_TRUE(collate_less("Āboliņa", "Abrene"));
  EXPECT_TRUE(collate_less("apse", "Apse"));  // lowercase first at tertiary strength
  EXPECT_FALSE(collate_less("Ozols", "Ozols"));
  const std::string key = collation_key("Bērziņš");
  EXPECT_FALSE(key.empty());
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(key, collation_key("Bērziņš"));
}

TEST(RegistryNames, CollatorWorksOnOtherThreads) {
  std::string key_here = collation_key("Žagars"), key_there;
  bool less_there = false;
  std::thread t([&] {
    key_there = collation_key("Žagars");
    less_there = collate_less("Zariņš", "Žagars");
  });
  t.join();
  EXPECT_EQ(key_here, key_there);
  EXPECT_TRUE(less_there);
}

TEST(RegistryNames, CleanNameAcceptsRealNames) {
  const std::pair<const char*, const char*> cases[] = {
      {"  Anna   Marija ", "Anna Marija"},
      {"Bērziņa-Ozola", "Bērziņa-Ozola"},
      {"O'Brien", "O'Brien"},
      {"D’Artanjans", "D’Artanjans"},
      {"J. Pēteris", "J. Pēteris"},
      {"Иван", "Иван"},
      {"Ο\xCC\x81λγα", "Όλγα"},                        // combining acute becomes NFC
      {"Be\xCC\x84rzin\xCC\xA7s\xCC\x8C", "Bērziņš"},  // decomposed ē, ņ, š → NFC
      {"Anna\xC2\xA0Liepa", "Anna Liepa"},             // no-break space is a space
  };
  for (const auto& [input, expected] : cases) {
    auto r = clean_name(input, "given_names");
    ASSERT_TRUE(r) << input << ": " << lv_message(r);
    EXPECT_EQ(*r, expected) << input;
  }
  EXPECT_TRUE(clean_name(std::string(80, 'a'), "surname"));
  std::string decomposed;  // 80 letters written as 160 code points: NFC counts 80
  for (int i = 0; i < 80; ++i) decomposed += "a\xCC\x84";
  EXPECT_TRUE(clean_name(decomposed, "surname"));
}

TEST(RegistryNames, CleanNameRefusesBadInput) {
  const std::string bad_chars = "Vārdā ir neatļautas rakstzīmes.";
  EXPECT_EQ(lv_message(clean_name("", "surname")), "Vārds nav norādīts.");
  EXPECT_EQ(lv_message(clean_name("   ", "surname")), "Vārds nav norādīts.");
  EXPECT_EQ(lv_message(clean_name("Anna2", "surname")), bad_chars);
  EXPECT_EQ(lv_message(clean_name("Anna <b>", "surname")), bad_chars);
  EXPECT_EQ(lv_message(clean_name("Anna😀", "surname")), bad_chars);
  EXPECT_EQ(lv_message(clean_name("Anna_B", "surname")), bad_chars);
  EXPECT_EQ(lv_message(clean_name("--", "surname")), "Vārdā jābūt vismaz vienam burtam.");
  EXPECT_NE(lv_message(clean_name("\xCC\x81"
                                  "Anna",
                                  "surname"))
                .find("diakritiska"),
            std::string::npos);
  for (const char* control : {"Anna\tB", "Anna\nB", "Anna\x7f", "Anna\xC2\x85",
                              "Anna\xE2\x80\xAE"
                              "B",
                              "Anna\xE2\x80\x8B"
                              "B",
                              "\xEF\xBB\xBF"
                              "Anna"})
    EXPECT_EQ(lv_message(clean_name(control, "surname")), "Vārdā ir neatļautas vadības rakstzīmes.")
        << control;
  for (const char* broken : {"Anna\xff", "B\xC4", "\xED\xA0\x80", "\xC0\xAF"})
    EXPECT_NE(lv_message(clean_name(broken, "surname")).find("UTF-8"), std::string::npos);
  auto long_name = clean_name(std::string(81, 'a'), "surname");
  EXPECT_EQ(lv_message(long_name), "Vārds ir pārāk garš (ne vairāk kā 80 rakstzīmes).");
  EXPECT_EQ(long_name.error().fields[0].field, "surname");
  EXPECT_EQ(long_name.error().fields[0].message.en,
            "The name is too long (at most 80 characters).");
  EXPECT_EQ(lv_message(clean_name("Anna Liepa", "surname", 5)),
            "Vārds ir pārāk garš (ne vairāk kā 5 rakstzīmes).");
  EXPECT_EQ(lv_message(clean_name(std::string(100000, 'a'), "surname", 21)),
            "Vārds ir pārāk garš (ne vairāk kā 21 rakstzīme).");
}

TEST(RegistryNames, NameSimilarity) {
  EXPECT_GT(name_similarity("Anna Bērziņa", "Ana Berzins"), 0.85);
  EXPECT_GT(name_similarity("Anna Bērziņa", "Bērziņa Anna"), 0.99);
  EXPECT_GT(name_similarity("Jānis Bērziņš", "Janis Berzins"), 0.99);
  EXPECT_GT(name_similarity("Anna Bērziņa", "Anna Berzina-Ozola"), 0.7);
  EXPECT_LT(name_similarity("Anna Bērziņa", "Pēteris Ozols"), 0.6);
  EXPECT_LT(name_similarity("Anna Bērziņa", "Anna Ozola"), 0.8);
  EXPECT_EQ(name_similarity("", "Anna"), 0.0);
  const double ab = name_similarity("Marta Kalniņa", "Marts Kalnins");
  EXPECT_DOUBLE_EQ(ab, name_similarity("Marts Kalnins", "Marta Kalniņa"));
  EXPECT_NEAR(jaro_winkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(jaro_winkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_EQ(jaro_winkler("abc", "xyz"), 0.0);
}

}  // namespace
}  // namespace atb::registry
