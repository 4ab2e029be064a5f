import type { Endpoint } from 'payload'
import { hasRole } from '../../access/roles'
import { NEEDS_REPORT_THRESHOLDS, readNeedsReport } from './needsReport'

/**
 * `GET /api/need-signals/report`: the thresholded needs report, for content
 * staff. The only way signals leave the CMS: groups below the threshold are
 * dropped on the server, so no client, view or API call can see them.
 */
export const needsReportEndpoint: Endpoint = {
  path: '/report',
  method: 'get',
  handler: async (req) => {
    if (!hasRole(req.user, 'admin', 'reviewer', 'editor')) {
      return Response.json({ errors: [{ message: '只有课程编辑、审核人员和管理员可以查看需求分析。' }] }, { status: req.user ? 403 : 401 })
    }
    const rows = await readNeedsReport(req.payload)
    return Response.json({ thresholds: NEEDS_REPORT_THRESHOLDS, rows }, { headers: { 'Cache-Control': 'no-store' } })
  },
}
