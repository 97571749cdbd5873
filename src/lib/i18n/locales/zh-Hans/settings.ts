// “设置”页面框架、界面语言、引擎选择、服务器表单与运行选项。
import type { Translation } from '../../catalog';
import type en from '../en/settings';

export default {
  title: '设置',
  sections: { language: '语言', engine: '模型引擎', gpu: '本设备的 GPU', storage: '模型存储', loop: '修订循环', checkModel: '检测此模型' },
  language: {
    label: '界面语言',
    auto: '跟随浏览器（{{language}}）',
    hint: '无论此处如何设置，模型都会使用提问所用的语言作答。',
  },
  languageNames: { en: 'English', 'zh-Hans': '简体中文' },
  engine: {
    legend: '引擎',
    webllm: '在本设备上运行（web-llm，WebGPU）',
    webllmDescription: '模型在此浏览器中使用您的 GPU 运行，数据不会离开本设备。',
    openai: 'OpenAI 兼容服务器',
    openaiDescription: '部署在本机或医院内网的 llama.cpp server、Ollama、vLLM 或 SGLang。',
    gguf: '在此浏览器中运行 GGUF 模型',
    ggufDescription: '使用本机或网络上的 GGUF 文件，由页面内的 llama.cpp 运行：无需服务器，可离线使用。',
    notAvailable: '此浏览器不可用',
  },
  server: {
    url: '服务器地址',
    model: '模型',
    modelPlaceholder: '例如：qwen3-4b',
    apiKey: 'API 密钥',
    optional: '（可选）',
    timeout: '空闲超时（服务器可保持无响应的秒数）',
    timeoutHint: '服务器在这段时间内没有任何回复时，运行会停在当前步骤；之后可从这一步继续。',
    context: '上下文窗口（token）',
    checking: '正在检查…',
    check: '检查连接',
    connected: '连接成功。服务器提供的模型：{{models}}。',
    connectedNoModels: '连接成功，但服务器未列出任何模型。',
    privacy: '问题和回答只会发送到该服务器。如服务器与本页面不同源，须允许本页面的来源访问（CORS）。',
  },
  loop: {
    autosaved: '已保存。下一个问题将使用这些设置。',
    autosaveHint: '更改后自动保存；正在运行的问题仍使用它自己的设置。',
    rounds: '最多修订次数',
    target: '达到此分数即停止（%）',
    pool: '每个问题采用的原则数',
    grading: '评分方式',
    batched: '批量：一次调用评定全部条目（较快）',
    perItem: '逐项：每个条目单独调用一次（HealthBench 方式，较慢）',
    gradingHelp: '逐项评分与 HealthBench 一样对每个条目单独判定，在本地模型上耗时是批量评分的数倍。',
    roundsProblem: '修订次数须为 0 到 5 之间的整数。',
    targetProblem: '目标分数须在 1% 到 100% 之间。',
    poolProblem: '每个问题采用的原则数须在 1 到 30 之间。',
  },
} satisfies Translation<typeof en>;
