import { buildGongyuConfig } from './buildGongyuConfig'

export default buildGongyuConfig()
