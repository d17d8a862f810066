#pragma once
// Background export jobs (docs/api-car.md "Exports"), shared by every Excel export of the platform:
// a request starts a job and gets its id at once; the job runs on this module's own worker thread and
// writes `<dir>/<id>.xlsx`; the owner polls the progress and downloads the file; files and jobs are
// removed one hour after they were started (and leftovers of a previous run at start-up).
//
// Jobs live in this process: on several nodes the status and download requests must reach the node that
// started the job (sticky sessions), or the export fails over to a new job.
#include <boost/json/object.hpp>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace zc::exports {

// What a running job's work function sees.
class JobControl {
 public:
  virtual ~JobControl() = default;
  virtual void set_total(int64_t total) = 0;
  // Rows written so far; throws to cancel the work when the process is stopping.
  virtual void progress(int64_t written) = 0;
};

struct DownloadFile {
  std::string file_name;  // the name offered to the browser
  std::string path;       // on disk
};

class ExportJobs {
 public:
  // `work(path, control)` must write the finished file at `path` (or throw: the job fails with the
  // exception's message).
  using Work = std::function<void(const std::string& path, JobControl& control)>;

  ExportJobs(std::string dir, int threads = 1, int64_t ttl_ms = 3'600'000, size_t max_pending = 32);
  ~ExportJobs();  // cancels running jobs and joins the workers
  ExportJobs(const ExportJobs&) = delete;
  ExportJobs& operator=(const ExportJobs&) = delete;

  // Queues a job of `user_id`; 409 when too many jobs are waiting.
  std::string start(int64_t user_id, std::string file_name, Work work);
  // {jobId, status: running|done|failed, written, total, fileName, error}; 404 unless `user_id` owns it.
  boost::json::object status(const std::string& job_id, int64_t user_id);
  // The finished file; 404 unless owned, 409 while running or after a failure.
  DownloadFile download(const std::string& job_id, int64_t user_id);
  // Removes jobs and files older than the TTL (also runs every minute on the worker).
  void sweep();

 private:
  struct Job;
  class Control;
  void worker();
  void remove_stale_files();
  std::string dir_;
  int64_t ttl_ms_;
  size_t max_pending_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> queue_;
  std::vector<std::thread> threads_;
};

}  // namespace zc::exports
