#include "ledger/signing.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "ledger_test_util.h"

namespace receipts {
namespace {

TEST(SigningTest, KeyFilesSignAndVerify) {
  auto dir = testing::TestDir();
  std::string path = (dir / "key").string();
  ASSERT_TRUE(GenerateKeyFiles(path).ok());
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(testing::Slurp(path).size(), 129u);          // 128 hex digits and a newline
  EXPECT_EQ(testing::Slurp(path + ".pub").size(), 65u);  // 64 hex digits and a newline
  EXPECT_FALSE(GenerateKeyFiles(path).ok());             // never overwrites a key

  auto key = ReadSigningKey(path);
  ASSERT_TRUE(key.ok()) << key.status().message();
  auto pub = ReadPublicKey(path + ".pub");
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(*pub, key->public_key);

  std::string head(64, 'a');
  std::string signature = SignHead(*key, head);
  EXPECT_EQ(signature.size(), 128u);
  EXPECT_TRUE(VerifyHeadSignature(*pub, head, signature));
  EXPECT_FALSE(VerifyHeadSignature(*pub, std::string(64, 'b'), signature));
  std::string flipped = signature;
  flipped[0] = flipped[0] == '0' ? '1' : '0';
  EXPECT_FALSE(VerifyHeadSignature(*pub, head, flipped));
  EXPECT_FALSE(VerifyHeadSignature(*pub, head, "zz"));
  std::filesystem::remove_all(dir);
}

TEST(SigningTest, BadKeyFiles) {
  auto dir = testing::TestDir();
  std::ofstream(dir / "bad") << "not hex\n";
  EXPECT_FALSE(ReadSigningKey((dir / "bad").string()).ok());
  EXPECT_FALSE(ReadPublicKey((dir / "bad").string()).ok());
  EXPECT_FALSE(ReadPublicKey((dir / "missing").string()).ok());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace receipts
