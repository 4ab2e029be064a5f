import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { freePort } from './freePort.ts'
import { memoryTempDir } from './memoryTempDir.ts'

const installScript = fileURLToPath(new URL('../s3/install-seaweedfs.sh', import.meta.url))

/** Builds (once per machine, minutes the first time) and returns the SeaweedFS test server binary, or explains why it cannot. */
export function seaweedfsBinary(): { path: string } | { missing: string } {
  if (process.env.SEAWEEDFS_BIN) return { path: process.env.SEAWEEDFS_BIN }
  const result = spawnSync('bash', [installScript], { encoding: 'utf8' })
  if (result.status === 0) return { path: result.stdout.trim() }
  return { missing: (result.stderr || result.error?.message || 'unknown error').trim() }
}

export interface RunningS3 {
  /** The S3_* variables the CMS and `npm run publish:site` read, for this server and one bucket. */
  env: (bucket: string) => Record<'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY', string>
  /** A client for the tests' own reads, and the bucket calls the CMS does not make. */
  client: S3Client
  createBucket: (bucket: string) => Promise<void>
  stop: () => Promise<void>
}

const ACCESS_KEY_ID = 'gongyu-test'
const SECRET_ACCESS_KEY = 'gongyu-test-secret-key'
const REGION = 'us-east-1'

async function waitUntilServing(client: S3Client, child: ReturnType<typeof spawn>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`SeaweedFS exited with code ${child.exitCode}`)
    try {
      await client.send(new ListBucketsCommand({}))
      return
    } catch (error) {
      lastError = error
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`SeaweedFS's S3 API did not answer within ${timeoutMs} ms: ${(lastError as Error)?.message}`)
}

/**
 * Starts SeaweedFS (`weed server -s3 -filer`: master, volume, filer and S3
 * in one process) on free loopback ports with its data in a temporary folder,
 * and one access key. `weed mini` would also start an admin server and a
 * worker on fixed ports, so two test runs on one machine would collide.
 */
export async function startSeaweedFS(binary: string): Promise<RunningS3> {
  const dir = mkdtempSync(path.join(memoryTempDir(), 'gongyu-seaweedfs-'))
  const ports = { master: 0, masterGrpc: 0, volume: 0, volumeGrpc: 0, filer: 0, filerGrpc: 0, s3: 0, s3Grpc: 0 }
  for (const name of Object.keys(ports) as (keyof typeof ports)[]) ports[name] = await freePort()
  const args = [
    'server',
    '-s3',
    '-filer',
    `-dir=${dir}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${ports.master}`,
    `-master.port.grpc=${ports.masterGrpc}`,
    `-volume.port=${ports.volume}`,
    `-volume.port.grpc=${ports.volumeGrpc}`,
    `-filer.port=${ports.filer}`,
    `-filer.port.grpc=${ports.filerGrpc}`,
    `-s3.port=${ports.s3}`,
    `-s3.port.grpc=${ports.s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    '-master.telemetry=false',
    // Small volumes: the default preallocates far more than a test writes.
    '-master.volumeSizeLimitMB=64',
  ]
  // The S3 gateway makes its one admin identity from these.
  const env = { ...process.env, AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY }
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'], env, cwd: dir })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const endpoint = `http://127.0.0.1:${ports.s3}`
  const client = new S3Client({
    endpoint,
    region: REGION,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    forcePathStyle: true,
  })
  const stop = async () => {
    client.destroy()
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      // Its data is thrown away: SIGTERM's graceful shutdown took more than 5 s for nothing.
      child.kill('SIGKILL')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitUntilServing(client, child, 60_000)
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}\n${stderr}`)
  }
  return {
    env: (bucket) => ({
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: REGION,
      S3_ACCESS_KEY_ID: ACCESS_KEY_ID,
      S3_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    }),
    client,
    createBucket: async (bucket) => {
      await client.send(new CreateBucketCommand({ Bucket: bucket }))
    },
    stop,
  }
}
