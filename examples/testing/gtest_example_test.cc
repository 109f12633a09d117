// An application's integration test, written with GoogleTest (and gMock matchers), against
// delivery::testing::Emulator: the application's code (ensureArchive below) talks to a real
// DisClient over real sockets; the emulator plays DIS and injects the failures under test.
//
// Build: link delivery::delivery, delivery::testing, GTest::gmock and GTest::gtest_main
// (examples/testing/CMakeLists.txt).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <delivery/dis/client.h>
#include <delivery/testing/emulator.h>

using namespace delivery;
using namespace delivery::dis;
using ::testing::ElementsAre;

// ---- the application's code under test ----------------------------------------------------------

// The transfer task `task` that archives `stream` to OBS.
CreateTransferTaskRequest archiveRequest(const std::string& stream, const std::string& task) {
  ObsDestinationDescriptor obs;
  obs.setTaskName(task).setAgencyName("dis_admin_agency").setObsBucketPath("archive-bucket").setDeliverTimeInterval(300);
  return CreateTransferTaskRequest(stream, obs);
}

// Archives `stream` with one transfer task, created once. When the create's outcome is unknown
// (ErrorKind::Network or Timeout), the task is looked up rather than created again.
Result<void> ensureArchive(const DisClient& client, const std::string& stream) {
  auto created = client.createTransferTask(archiveRequest(stream, "archive"));
  if (created) return {};
  const Error& e = created.error();
  if (e.kind == ErrorKind::Network || e.kind == ErrorKind::Timeout) {
    if (client.showTransferTask(ShowTransferTaskRequest(stream, "archive"))) return {};
  }
  return e;
}

// ---- the tests ------------------------------------------------------------------------------------

class ArchiveTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(emulator_.start()); }

  DisClient client() const {
    DisClientConfig config;
    config.endpoint = emulator_.endpoint();
    config.retry.initialThrottleBackoff = std::chrono::milliseconds(10);  // keeps the test quick
    return DisClient::create(emulator_.huaweiCredentials(), config).value();
  }

  std::vector<std::string> taskNames() const {
    std::vector<std::string> names;
    for (const auto& t : emulator_.tasks("dis")) names.push_back(t.scope + "/" + t.name);
    return names;
  }

  delivery::testing::Emulator emulator_;
};

TEST_F(ArchiveTest, CreateExecutedButAnswerLostIsNotRetriedAndIsFound) {
  emulator_.dropAfterExecuting("CreateTransferTask");
  auto created = client().createTransferTask(archiveRequest("clicks", "probe"));
  ASSERT_FALSE(created);
  EXPECT_EQ(created.error().kind, ErrorKind::Network);  // the SDK reports it...
  EXPECT_EQ(created.error().attempts, 1);               // ...and does not send the create again
  EXPECT_EQ(emulator_.executions("CreateTransferTask"), 1u);

  emulator_.resetCounts();
  emulator_.dropAfterExecuting("CreateTransferTask");
  ASSERT_TRUE(ensureArchive(client(), "clicks"));
  EXPECT_EQ(emulator_.executions("CreateTransferTask"), 1u);  // exactly once
  EXPECT_EQ(emulator_.executions("ShowTransferTask"), 1u);
  EXPECT_THAT(taskNames(), ElementsAre("clicks/archive", "clicks/probe"));
}

TEST_F(ArchiveTest, ThrottledCreateIsRetriedAndSucceedsOnce) {
  emulator_.throttleNext("CreateTransferTask", 2);  // 429 DIS.4303 twice, Retry-After: 0
  ASSERT_TRUE(ensureArchive(client(), "clicks"));
  EXPECT_EQ(emulator_.requests("CreateTransferTask"), 3u);
  EXPECT_EQ(emulator_.executions("CreateTransferTask"), 1u);
  EXPECT_THAT(taskNames(), ElementsAre("clicks/archive"));
}

TEST_F(ArchiveTest, UnrecoverableServiceErrorIsReported) {
  emulator_.failNext("CreateTransferTask", 1, 400, "DIS.4301", "The stream does not exist.");
  auto ensured = ensureArchive(client(), "clicks");
  ASSERT_FALSE(ensured);
  EXPECT_EQ(ensured.error().code, "DIS.4301");
  EXPECT_TRUE(emulator_.tasks().empty());
}
