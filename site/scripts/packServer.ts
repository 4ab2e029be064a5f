// `node serve.mjs [folder] [port]` in an offline pack: serves the unzipped pack (by default the
// folder serve.mjs sits in) to phones on the same network. buildOffline.ts bundles this file and
// the server with its libraries into that one dependency-free serve.mjs, for computers with old Node.js.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createStaticServer } from './staticServer.ts'

const folder = path.resolve(process.argv[2] ?? path.dirname(fileURLToPath(import.meta.url)))
const port = Number(process.argv[3] ?? process.env.PORT ?? 4321)
createStaticServer({ root: () => folder }).listen(port, '0.0.0.0', () => {
  console.log(`共育网站：http://localhost:${port}/ （同一局域网的手机可用本机 IP 地址访问）`)
})
