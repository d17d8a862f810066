#include "service/export/export_jobs.hpp"

#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <filesystem>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"

namespace zc::exports {

namespace fs = std::filesystem;
namespace json = boost::json;

enum class JobState { queued, running, done, failed };

struct ExportJobs::Job {
  std::string id;
  int64_t user_id = 0;
  std::string file_name;
  std::string path;
  Work work;
  int64_t created_at = 0;
  JobState state = JobState::queued;  // guarded by ExportJobs::mu_
  std::string error;                  // guarded by ExportJobs::mu_
  std::atomic<int64_t> written{0};
  std::atomic<int64_t> total{0};
};

class ExportJobs::Control final : public JobControl {
 public:
  Control(Job& job, const bool& stopping, std::mutex& mu) : job_(job), stopping_(stopping), mu_(mu) {}
  void set_total(int64_t total) override { job_.total.store(total); }
  void progress(int64_t written) override {
    job_.written.store(written);
    std::lock_guard lock(mu_);
    if (stopping_) throw std::runtime_error("服务正在停止，导出已取消");
  }

 private:
  Job& job_;
  const bool& stopping_;
  std::mutex& mu_;
};

static std::string job_id() {
  // 256 random bits, URL-safe: job ids are unguessable (the owner check stays the authority).
  std::string t = crypto::random_token();
  std::string out;
  for (char c : t)
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out += c;
  return out.substr(0, 32);
}

ExportJobs::ExportJobs(std::string dir, int threads, int64_t ttl_ms, size_t max_pending)
    : dir_(std::move(dir)), ttl_ms_(ttl_ms), max_pending_(max_pending) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) spdlog::warn("export directory '{}' cannot be created: {}", dir_, ec.message());
  remove_stale_files();
  for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { worker(); });
}

ExportJobs::~ExportJobs() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
  std::lock_guard lock(mu_);
  for (auto& [id, job] : jobs_)
    if (job->state != JobState::done) {
      std::error_code ec;
      fs::remove(job->path, ec);
    }
}

void ExportJobs::remove_stale_files() {
  std::error_code ec;
  auto now = fs::file_time_type::clock::now();
  for (auto it = fs::directory_iterator(dir_, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (it->path().extension() != ".xlsx") continue;
    std::error_code e2;
    auto t = fs::last_write_time(it->path(), e2);
    if (!e2 && now - t > std::chrono::milliseconds(ttl_ms_)) fs::remove(it->path(), e2);
  }
}

std::string ExportJobs::start(int64_t user_id, std::string file_name, Work work) {
  sweep();
  auto job = std::make_shared<Job>();
  job->id = job_id();
  job->user_id = user_id;
  job->file_name = std::move(file_name);
  job->path = (fs::path(dir_) / (job->id + ".xlsx")).string();
  job->work = std::move(work);
  job->created_at = now_ms();
  {
    std::lock_guard lock(mu_);
    if (stopping_) throw ApiError(409, "服务正在停止，请稍后再试");
    if (queue_.size() >= max_pending_) throw ApiError(409, "导出任务过多，请稍后再试");
    jobs_[job->id] = job;
    queue_.push_back(job);
  }
  cv_.notify_one();
  return job->id;
}

static const char* state_name(JobState s) {
  switch (s) {
    case JobState::done:
      return "done";
    case JobState::failed:
      return "failed";
    default:
      return "running";
  }
}

json::object ExportJobs::status(const std::string& job_id, int64_t user_id) {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(job_id);
  if (it == jobs_.end() || it->second->user_id != user_id) fail_not_found("导出任务不存在或已过期");
  const Job& j = *it->second;
  json::object o;
  o["jobId"] = j.id;
  o["status"] = state_name(j.state);
  o["written"] = j.written.load();
  o["total"] = j.total.load();
  o["fileName"] = j.file_name;
  o["error"] = j.error;
  return o;
}

DownloadFile ExportJobs::download(const std::string& job_id, int64_t user_id) {
  std::lock_guard lock(mu_);
  auto it = jobs_.find(job_id);
  if (it == jobs_.end() || it->second->user_id != user_id) fail_not_found("导出任务不存在或已过期");
  const Job& j = *it->second;
  if (j.state == JobState::failed) throw ApiError(409, "导出失败：" + j.error);
  if (j.state != JobState::done) throw ApiError(409, "导出尚未完成");
  return {j.file_name, j.path};
}

void ExportJobs::sweep() {
  int64_t cutoff = now_ms() - ttl_ms_;
  std::vector<std::string> files;
  {
    std::lock_guard lock(mu_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {
      const Job& j = *it->second;
      if (j.created_at < cutoff && j.state != JobState::running && j.state != JobState::queued) {
        files.push_back(j.path);
        it = jobs_.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& f : files) {
    std::error_code ec;
    fs::remove(f, ec);
  }
}

void ExportJobs::worker() {
  for (;;) {
    std::shared_ptr<Job> job;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::minutes(1), [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      if (queue_.empty()) {
        lock.unlock();
        sweep();
        continue;
      }
      job = queue_.front();
      queue_.pop_front();
      job->state = JobState::running;
    }
    Control control(*job, stopping_, mu_);
    JobState end = JobState::done;
    std::string error;
    try {
      job->work(job->path, control);
      std::error_code ec;
      if (!fs::exists(job->path, ec)) throw std::runtime_error("导出文件未生成");
    } catch (const std::exception& e) {
      end = JobState::failed;
      error = e.what();
      spdlog::warn("export {} failed: {}", job->id, error);
      std::error_code ec;
      fs::remove(job->path, ec);
    }
    std::lock_guard lock(mu_);
    job->state = end;
    job->error = error;
    job->work = nullptr;
  }
}

}  // namespace zc::exports
