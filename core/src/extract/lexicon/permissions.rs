//! Device permission words.

use crate::model::PermissionKind as P;

/// Device permissions (Android manifest permission groups; iOS usage-description keys; MIIT
/// 《App收集使用个人信息最小必要评估规范》 permission list).
pub const PERMISSIONS: &[(&str, P)] = &[
    ("相机", P::Camera),
    ("摄像头", P::Camera),
    ("相册", P::Album),
    ("照片", P::Album),
    ("位置", P::Location),
    ("定位", P::Location),
    ("电话", P::Phone),
    ("设备信息", P::Phone),
    ("麦克风", P::Microphone),
    ("录音", P::Microphone),
    ("蓝牙", P::Bluetooth),
    ("通知", P::Notifications),
    ("存储", P::Storage),
    ("文件", P::Storage),
    ("通讯录", P::Contacts),
    ("日历", P::Calendar),
    ("网络", P::Network),
    ("剪切板", P::Other),
    ("剪贴板", P::Other),
    ("camera", P::Camera),
    ("photo library", P::Album),
    ("photos", P::Album),
    ("location", P::Location),
    ("microphone", P::Microphone),
    ("bluetooth", P::Bluetooth),
    ("notifications", P::Notifications),
    ("notification", P::Notifications),
    ("storage", P::Storage),
    ("contacts", P::Contacts),
    ("calendar", P::Calendar),
    ("phone", P::Phone),
    ("clipboard", P::Other),
];
