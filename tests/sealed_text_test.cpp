// Note text sealed under versioned keys, key rotation through the key file, and the note rule.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cases/note_text.h"
#include "core/sealed_text.h"

namespace atb {
namespace {

const std::string kNote =
    "Mājas vizīte 03.02.2026.: ģimene ir mājās, bērni paēduši. Čaklā Šarlote (7 g.) rāda "
    "zīmējumus; Ēriks un Žanis — skolā. ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž.\nNākamā vizīte pēc mēneša.";

/// 32 zero bytes in base64: a well-formed text key.
const std::string kZeroKey = std::string(43, 'A') + "=";

SecretBox master(char fill = 'm') { return SecretBox::from_key(std::string(32, fill)); }

Keyring keyring(std::string_view file_text = "master\n", char fill = 'm') {
  auto ring = Keyring::parse(master(fill), file_text);
  EXPECT_TRUE(ring) << ring.error().detail;
  return std::move(ring).value();
}

/// A key file in a fresh temporary folder, removed afterwards.
class SealedTextKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir[] = "/tmp/atbalsts-keys-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    path_ = dir_ + "/atbalsts.key";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string text() const {
    std::ifstream in(path_);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
  }
  std::string dir_, path_;
};

TEST(SealedText, RoundTripInLatvian) {
  const Keyring ring = keyring();
  EXPECT_EQ(ring.current_id(), 1u);
  const std::string sealed = ring.seal(kNote);
  EXPECT_EQ(sealed.rfind("k1:", 0), 0u);
  EXPECT_EQ(sealed.find("Mājas"), std::string::npos);
  EXPECT_NE(ring.seal(kNote), sealed);  // a fresh nonce every time
  const auto opened = ring.open(sealed);
  ASSERT_TRUE(opened) << opened.error().detail;
  EXPECT_EQ(*opened, kNote);
  EXPECT_EQ(*ring.open(ring.seal("")), "");
  EXPECT_EQ(Keyring::key_id(sealed), 1u);
  EXPECT_FALSE(ring.needs_rotation(sealed));
}

TEST(SealedText, TamperingIsDetected) {
  const Keyring ring = keyring();
  const std::string sealed = ring.seal(kNote);
  const auto detail = [&](const std::string& value) {
    const auto r = ring.open(value);
    EXPECT_FALSE(r) << value;
    if (r) return std::string();
    EXPECT_EQ(r.error().code, Errc::internal);
    return r.error().detail;
  };
  std::string altered = sealed;
  altered[sealed.size() / 2] = altered[sealed.size() / 2] == 'A' ? 'B' : 'A';
  EXPECT_NE(detail(altered).find("fails authentication"), std::string::npos);
  EXPECT_NE(detail(sealed.substr(0, sealed.size() - 8)).find("fails authentication"),
            std::string::npos);
  EXPECT_NE(detail("k1:").find("fails authentication"), std::string::npos);
  for (const char* malformed : {"", "abc", "k:xyz", "kx:xyz", "k01:xyz", "1:xyz", "k1xyz"}) {
    EXPECT_NE(detail(malformed).find("not of the form"), std::string::npos) << malformed;
    EXPECT_TRUE(ring.needs_rotation(malformed)) << malformed;
  }
  // The same key id under another key file's master key does not open it either.
  const auto other = keyring("master\n", 'o').open(sealed);
  ASSERT_FALSE(other);
  EXPECT_NE(other.error().detail.find("fails authentication"), std::string::npos);
}

TEST(SealedText, UnknownKeyId) {
  const Keyring newer = keyring("master\nkey 2 " + kZeroKey + "\n");
  EXPECT_EQ(newer.current_id(), 2u);
  const std::string sealed = newer.seal(kNote);
  EXPECT_EQ(sealed.rfind("k2:", 0), 0u);
  const Keyring older = keyring();
  EXPECT_FALSE(older.has_key(2));
  const auto r = older.open(sealed);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("unknown key id 2"), std::string::npos) << r.error().detail;
  std::string renamed = sealed;
  renamed.replace(0, 2, "k7");
  EXPECT_NE(newer.open(renamed).error().detail.find("unknown key id 7"), std::string::npos);
  renamed.replace(0, 2, "k1");  // claiming another key does not help
  EXPECT_NE(newer.open(renamed).error().detail.find("fails authentication"), std::string::npos);
}

TEST(SealedText, RejectsBadKeyLines) {
  const std::string& key = kZeroKey;
  for (const std::string& lines : std::vector<std::string>{
           "key 1 " + key, "key 2 c2hvcnQ=", "key 2 " + key + "\nkey 2 " + key, "key two " + key,
        "key 2", "retired", "retired 1", "garbage here", "key 02 " + key}) {
    EXPECT_FALSE(Keyring::parse(master(), "master\n" + lines + "\n")) << lines;
  }
  const auto fine = Keyring::parse(master(), "master\n\n# rotated 2026-02-03\n  key 3 " + key +
                                                 "\nretired 1\n");
  ASSERT_TRUE(fine) << fine.error().detail;
  EXPECT_EQ(fine->current_id(), 3u);
  EXPECT_FALSE(fine->has_key(1));
}

TEST(SealedText, IdsListsTheKeysNotRetiredAndSealsBytes) {
  const std::string& key = kZeroKey;
  EXPECT_EQ(keyring().ids(), (std::vector<std::uint32_t>{1}));
  const Keyring ring = keyring("master\nkey 2 " + key + "\nkey 4 " + key + "\nretired 2\n");
  EXPECT_EQ(ring.ids(), (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(ring.current_id(), 4u);
  // Arbitrary bytes (a document: NULs, invalid UTF-8) seal and open unchanged.
  std::string bytes("%PDF-1.7\0\xff\xfe\x80 binary", 19);
  const std::string sealed = ring.seal(bytes);
  EXPECT_EQ(sealed.find(bytes), std::string::npos);
  const auto opened = ring.open(sealed);
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, bytes);
}

TEST_F(SealedTextKeyFile, RotationFromKeyOneToKeyTwo) {
  auto first = Keyring::load(path_);  // creates the key file with its master key
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->current_id(), 1u);
  const auto box = SecretBox::open_or_create(path_);
  ASSERT_TRUE(box);
  const std::string totp = box->seal("TOTP secret");  // sealed by the master key itself
  const std::string old_note = first->seal(kNote);

  const auto id = Keyring::add_key(path_);
  ASSERT_TRUE(id) << id.error().detail;
  EXPECT_EQ(*id, 2u);
  struct stat st {};
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  auto second = Keyring::load(path_);
  ASSERT_TRUE(second) << second.error().detail;
  EXPECT_EQ(second->current_id(), 2u);
  EXPECT_TRUE(second->needs_rotation(old_note));
  EXPECT_EQ(*second->open(old_note), kNote);  // old values still open before they are resealed
  const auto resealed = second->reseal(old_note);
  ASSERT_TRUE(resealed);
  EXPECT_EQ(resealed->rfind("k2:", 0), 0u);
  EXPECT_FALSE(second->needs_rotation(*resealed));
  EXPECT_EQ(*second->reseal(*resealed), *resealed);  // already current: unchanged
  EXPECT_EQ(*second->open(*resealed), kNote);
  EXPECT_FALSE(first->open(*resealed));  // a server with the old key file cannot read key 2

  // The master key (line 1) is untouched: secrets sealed by it still open.
  const auto box_again = SecretBox::open_or_create(path_);
  ASSERT_TRUE(box_again);
  EXPECT_EQ(box_again->open(totp), "TOTP secret");

  // After the rotation run, key 1 is retired and no longer opens anything.
  const auto current = Keyring::retire_key(path_, 2);
  ASSERT_FALSE(current);
  EXPECT_EQ(current.error().code, Errc::invalid);
  EXPECT_FALSE(Keyring::retire_key(path_, 5));
  ASSERT_TRUE(Keyring::retire_key(path_, 1));
  ASSERT_TRUE(Keyring::retire_key(path_, 1));  // again: nothing changes
  const auto third = Keyring::load(path_);
  ASSERT_TRUE(third) << third.error().detail;
  EXPECT_FALSE(third->has_key(1));
  EXPECT_NE(third->open(old_note).error().detail.find("unknown key id 1"), std::string::npos);
  EXPECT_EQ(*third->open(*resealed), kNote);
  EXPECT_NE(text().find("\nretired 1\n"), std::string::npos) << text();
  // The next key numbers on from the highest, retired or not.
  EXPECT_EQ(*Keyring::add_key(path_), 3u);
}

TEST_F(SealedTextKeyFile, UnreadableKeyFileIsAnError) {
  std::ofstream(path_) << "not base64 at all\n";
  EXPECT_FALSE(Keyring::load(path_));
  EXPECT_FALSE(Keyring::add_key(path_));
}

TEST(NoteText, LimitIsInCharactersNotBytes) {
  std::string text;
  for (std::size_t i = 0; i < cases::kMaxNoteChars; ++i) text += "ā";  // 2 bytes each
  EXPECT_EQ(cases::code_points(text), cases::kMaxNoteChars);
  EXPECT_TRUE(cases::check_note_text(text));
  text += "ž";
  const auto r = cases::check_note_text(text);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::invalid);
  ASSERT_EQ(r.error().fields.size(), 1u);
  EXPECT_EQ(r.error().fields[0].field, "text");
  EXPECT_NE(r.error().fields[0].message.lv.find("100000"), std::string::npos);
  EXPECT_NE(r.error().fields[0].message.en.find("100001"), std::string::npos);
}

TEST(NoteText, RefusesBlankAndInvalidText) {
  EXPECT_TRUE(cases::check_note_text(kNote));
  for (const char* bad : {"", "  \n\t", "Mājas \xff vizīte"}) {
    const auto r = cases::check_note_text(bad, "notes.0.text");
    ASSERT_FALSE(r) << bad;
    EXPECT_EQ(r.error().code, Errc::invalid);
    EXPECT_EQ(r.error().fields.at(0).field, "notes.0.text");
  }
  EXPECT_EQ(cases::code_points("ĀČĒ 𝄞"), 5u);
}

}  // namespace
}  // namespace atb
