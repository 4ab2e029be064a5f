import { spawn } from 'node:child_process'

/** How a tool run ended. */
export interface ToolResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  /** The last few kilobytes of stderr: enough for the error, bounded for long runs. */
  stderr: string
  timedOut: boolean
}

export interface RunToolOptions {
  timeoutMs: number
  cwd?: string
  /** Keep stdout (ffprobe's JSON); ffmpeg's is not needed. */
  captureStdout?: boolean
}

const STDERR_TAIL = 16 * 1024
const STDOUT_LIMIT = 4 * 1024 * 1024

/**
 * Runs a program with an argument array and no shell, so file names can never
 * be read as shell syntax, and kills it (SIGKILL) when the time is up.
 */
export function runTool(command: string, args: string[], options: RunToolOptions): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, shell: false, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout.setEncoding('utf8')
    child.stderr.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      if (options.captureStdout && stdout.length < STDOUT_LIMIT) stdout += chunk
    })
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL)
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr, timedOut })
    })
  })
}
