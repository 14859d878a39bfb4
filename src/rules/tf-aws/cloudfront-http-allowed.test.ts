import { test } from 'node:test';
import { expectLines, text } from '../../testing/harness.js';
import rule from './cloudfront-http-allowed.js';

test('tf-aws/cloudfront-http-allowed: allow-all in the default and an ordered cache behavior', async () => {
  await expectLines(
    rule,
    {
      'cdn.tf': text(
        'resource "aws_cloudfront_distribution" "d" {',
        '  default_cache_behavior {',
        '    viewer_protocol_policy = "allow-all"',
        '  }',
        '  ordered_cache_behavior {',
        '    path_pattern           = "/assets/*"',
        '    viewer_protocol_policy = "allow-all"',
        '  }',
        '  ordered_cache_behavior {',
        '    path_pattern           = "/api/*"',
        '    viewer_protocol_policy = "https-only"',
        '  }',
        '}',
      ),
    },
    ['cdn.tf:3', 'cdn.tf:7'],
  );
});

test('tf-aws/cloudfront-http-allowed: redirect-to-https is silent', async () => {
  await expectLines(rule, { 'cdn.tf': text('resource "aws_cloudfront_distribution" "d" {', '  default_cache_behavior {', '    viewer_protocol_policy = "redirect-to-https"', '  }', '}') }, []);
});
