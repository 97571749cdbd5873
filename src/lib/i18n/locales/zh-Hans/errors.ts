// 按错误代码给出的错误提示。
import type { Translation } from '../../catalog';
import type en from '../en/errors';

export default {
  stopped: '已停止。',
  unexpected: '发生意外错误：{{detail}}',
  unexpected_bare: '发生意外错误。',
  step_failed: '{{step}}失败：{{detail}}',
  empty_question: '请先输入问题。',
  engine_not_configured: '模型引擎尚未设置。请打开“设置”选择一个引擎。',
  server_unreachable: '无法连接位于 {{server}} 的模型服务器。请确认服务器正在运行、地址无误，并允许来自本页面的请求（CORS）。',
  server_http_error: '位于 {{server}} 的模型服务器返回了 HTTP {{status}}。{{hint}}',
  http_hint_auth: '请在“设置”中检查 API 密钥。',
  http_hint_not_found: '请检查服务器地址（通常以 /v1 结尾）和模型名称。',
  http_hint_server: '服务器内部出错，原因请查看服务器日志。',
  http_hint_rejected: '服务器拒绝了该请求。',
  server_connection_lost: '与位于 {{server}} 的模型服务器的连接在回复中途断开。请确认服务器仍在运行、网络正常，然后点击“从上次完成的步骤继续”。',
  server_timeout: '位于 {{server}} 的模型服务器已有 {{seconds}} 秒没有响应。服务器可能负载过高或模型运行过慢；请重试，或在“设置”中延长超时时间。',
  malformed_response: '位于 {{server}} 的模型服务器返回了本应用无法解析的内容。请确认它兼容 OpenAI 接口。',
  invalid_structured_output: '模型未能生成可用的结构化结果（{{detail}}）。请重试，或换用更大的模型。',
  empty_answer: '模型返回了空白回答。请重试，或换用其他模型。',
  truncated_output: '模型的输出在 {{maxTokens}} 个 token 的上限处被截断。请缩短问题，或换用上下文窗口更大的模型。',
  context_budget:
    '该问题约需 {{needed}} 个 token，而模型的上下文窗口只能容纳 {{window}} 个。如果模型支持更长的上下文，请在“设置”中调大（GGUF：上下文长度；其他引擎：上下文窗口）；否则请精简问题，或换用上下文窗口更大的模型。',
  webgpu_unavailable:
    '此浏览器不支持 WebGPU，无法运行本地模型。请使用较新版本的 Chrome 或 Edge（Windows、macOS、ChromeOS、Android）或 Safari 26，或在“设置”中选择其他引擎。',
  webgpu_no_adapter:
    '此浏览器支持 WebGPU，但未找到可用的 GPU（可能已被关闭或屏蔽）。请使用较新版本的 Chrome 或 Edge（Windows、macOS、ChromeOS、Android）或 Safari 26，或在“设置”中选择其他引擎。',
  shader_f16_unavailable: '{{model}} 需要 GPU 功能 shader-f16，而当前浏览器和 GPU 不支持。请在“设置”中改选 {{alternative}}（32 位）。',
  shader_f16_no_alternative: '{{model}} 需要 GPU 功能 shader-f16，而当前浏览器和 GPU 不支持。请在“设置”中改选 q4f32 模型。',
  model_download_failed:
    '从 {{host}} 下载模型失败（连接中断或被拒绝）。已下载的文件仍保存在此浏览器中：联网后重试即可从中断处继续下载。',
  model_files_not_found:
    '无法下载模型文件 {{url}}（HTTP {{status}}）。请在“设置”中检查模型 URL 和模型库 URL；自行托管的模型须放在 <模型 URL>/resolve/main/ 下。',
  model_library_invalid:
    '模型库 {{url}} 不是本应用可运行的 WebGPU 模型库（须由 MLC-LLM 为 web-llm 0.2.86 编译）。请在“设置”中检查模型库 URL。',
  storage_quota_exceeded:
    '{{need}}，{{have}}请删除不再需要的模型（设置 → 模型存储）、清除其他网站的数据或释放磁盘空间以腾出空间，或换用更小的模型。',
  quota_need: '该模型约需 {{size}} 存储空间',
  quota_need_unknown: '该模型所需空间超出了',
  quota_have: '而此浏览器只允许本应用再使用约 {{size}}。',
  quota_have_unknown: '此浏览器允许本应用使用的存储空间。',
  gpu_device_lost:
    '模型运行期间 GPU 停止响应（设备丢失）。模型已重新加载，本次运行已保存：点击“从上次完成的步骤继续”即可接着运行。如反复出现，请关闭其他占用 GPU 的标签页或应用，或换用更小的模型。',
  gpu_out_of_memory: '{{model}} 的 GPU 显存不足。请在“设置”中换用更小的模型（如 {{smaller}}）、调小上下文窗口，或关闭其他占用 GPU 的标签页和应用。',
  gpu_out_of_memory_no_smaller: '{{model}} 的 GPU 显存不足。请在“设置”中换用更小的模型、调小上下文窗口，或关闭其他占用 GPU 的标签页和应用。',
  model_context_full:
    '对话内容已超出模型 {{window}} 个 token 的上下文窗口。请在“设置”中调大上下文窗口（需 GPU 显存充足）、减少修订轮数，或缩短问题。',
  model_context_full_unknown:
    '对话内容已超出模型的上下文窗口。请在“设置”中调大上下文窗口（需 GPU 显存充足）、减少修订轮数，或缩短问题。',
  on_device_engine_error: '本地引擎出错（{{name}}）。请重试，或在“设置”中换用其他模型。',
  gguf_not_gguf: '“{{file}}”不是 GGUF 模型文件（文件开头缺少 GGUF 标识）。请选择 .gguf 文件，例如小型指令模型的 Q4_K_M 量化版本。',
  gguf_truncated: '“{{file}}”不完整：文件头标明至少应有 {{expected}}，实际只有 {{actual}}。可能是下载或复制中断，请重新获取该文件。',
  gguf_corrupt: '“{{file}}”已损坏或无法作为模型读取（{{detail}}）。请重新下载，或选择其他文件。',
  gguf_unsupported:
    '“{{file}}”无法在本应用中运行：{{detail}}。请选择受支持架构的对话模型（如 llama、qwen3、qwen3moe、gemma3 或 phi3），或用 llama.cpp server 部署该模型并改用 OpenAI 兼容引擎。',
  gguf_too_large:
    '“{{file}}”约需 {{needed}} 内存，但浏览器标签页最多只能提供 {{limit}}。请换用更小的模型或量化版本，或调小上下文长度；也可用 llama.cpp server 部署并改用 OpenAI 兼容引擎。',
  gguf_missing_parts: '{{detail}} 请一次选择（或拖入）该模型的全部分卷文件。',
  gguf_storage: '无法将模型保存到此浏览器：{{detail}}。请释放磁盘空间，或在“设置”中移除已保存的模型；隐私浏览窗口可能不允许保存大文件。',
  gguf_stored_model_missing: '模型“{{modelName}}”已不在此浏览器中（已被移除，或浏览器清除了本站数据）。请在“设置”中重新选择该文件。',
  gguf_download_failed: '无法从 {{url}} 下载模型（{{detail}}）。请检查 URL；托管在其他网站的模型须允许本页面访问（CORS）。',
  gguf_engine_failed: '浏览器内模型引擎出错（{{detail}}）。请重试；如仍失败，请刷新页面，或换用更小的模型或上下文长度。',
  gguf_insufficient_storage: '浏览器存储空间不足，无法下载“{{modelName}}”：还需要 {{needed}}，而本站只剩 {{free}} 可用。请在“设置”中移除已保存的模型或释放磁盘空间，然后重试。',
  gguf_integrity: '“{{file}}”未通过完整性校验：其 SHA-256 为 {{actual}}，但{{source}} {{expected}}。该文件已删除。请重新下载；如果反复出现，说明托管方提供的是另一个文件。',
  gguf_integrity_catalog: '模型目录要求的是',
  gguf_integrity_first_download: '此浏览器首次下载时记录的是',
  gguf_resume_failed: '无法从 {{url}} 继续下载（{{detail}}）。请删除未完成的下载，然后重新开始。',
  gguf_browser_unsupported: '此浏览器无法在页面中运行 GGUF 模型：{{detail}}。请使用最新版 Chrome 或 Edge，或改用 OpenAI 兼容引擎。',
  data_locked: '您的数据已锁定。请输入口令解锁。',
  record_corrupt: '一条已保存的记录（{{recordId}}）无法解密：它已损坏。其他记录不受影响。',
  storage_full: '存储空间已满：此浏览器已没有空间保存 ClinRevise 的数据。请释放空间，或删除旧的运行记录或模型（设置 → 数据）。',
  runs_file_invalid: '未导入任何内容：部分行不是有效的运行记录（{{detail}}）。请修正或删除这些行（或重新导出运行记录）后再导入。',
  runs_file_empty: '未导入任何内容：文件中没有运行记录。请选择从“历史记录”导出的文件（.jsonl，每行一条运行记录）。',
  runs_import_write_failed: '未导入任何内容：保存运行记录失败（{{detail}}）。请释放一些浏览器存储空间（“设置”→“数据”，或删除旧的运行记录）后重试。',
} satisfies Translation<typeof en>;
