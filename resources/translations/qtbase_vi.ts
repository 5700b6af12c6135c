<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Vietnamese for the parts of Qt that MeetingDesk shows: standard buttons, the edit
     menus of text fields, the file and print dialogs. Qt ships no qtbase_vi; this small
     catalogue stands in for it. -->
<TS version="2.1" language="vi_VN">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>Đồng ý</translation></message>
    <message><source>Save</source><translation>Lưu</translation></message>
    <message><source>Save All</source><translation>Lưu tất cả</translation></message>
    <message><source>Open</source><translation>Mở</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Có</translation></message>
    <message><source>Yes to &amp;All</source><translation>Có với &amp;tất cả</translation></message>
    <message><source>&amp;No</source><translation>&amp;Không</translation></message>
    <message><source>N&amp;o to All</source><translation>Khô&amp;ng với tất cả</translation></message>
    <message><source>Abort</source><translation>Hủy bỏ</translation></message>
    <message><source>Retry</source><translation>Thử lại</translation></message>
    <message><source>Ignore</source><translation>Bỏ qua</translation></message>
    <message><source>Close</source><translation>Đóng</translation></message>
    <message><source>Cancel</source><translation>Hủy</translation></message>
    <message><source>Discard</source><translation>Bỏ</translation></message>
    <message><source>Help</source><translation>Trợ giúp</translation></message>
    <message><source>Apply</source><translation>Áp dụng</translation></message>
    <message><source>Reset</source><translation>Đặt lại</translation></message>
    <message><source>Restore Defaults</source><translation>Khôi phục mặc định</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>Show Details...</source><translation>Xem chi tiết...</translation></message>
    <message><source>Hide Details...</source><translation>Ẩn chi tiết...</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Hoàn tác</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Làm lại</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Cắt</translation></message>
    <message><source>&amp;Copy</source><translation>C&amp;hép</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Dán</translation></message>
    <message><source>Delete</source><translation>Xóa</translation></message>
    <message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Hoàn tác</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Làm lại</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Cắt</translation></message>
    <message><source>&amp;Copy</source><translation>C&amp;hép</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Dán</translation></message>
    <message><source>Delete</source><translation>Xóa</translation></message>
    <message><source>Select All</source><translation>Chọn tất cả</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>&amp;Look in:</source><translation>&amp;Tìm trong:</translation></message>
    <message><source>Back</source><translation>Lùi lại</translation></message>
    <message><source>Forward</source><translation>Tiến tới</translation></message>
    <message><source>Parent Directory</source><translation>Thư mục cha</translation></message>
    <message><source>Create New Folder</source><translation>Tạo thư mục mới</translation></message>
    <message><source>List View</source><translation>Xem dạng danh sách</translation></message>
    <message><source>Detail View</source><translation>Xem chi tiết</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Loại tệp:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Tên tệp:</translation></message>
    <message><source>Directory:</source><translation>Thư mục:</translation></message>
    <message><source>&amp;Open</source><translation>&amp;Mở</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Lưu</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Chọn</translation></message>
    <message><source>Open</source><translation>Mở</translation></message>
    <message><source>Save As</source><translation>Lưu thành</translation></message>
    <message><source>Find Directory</source><translation>Tìm thư mục</translation></message>
    <message><source>&amp;Rename</source><translation>Đổi &amp;tên</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Xóa</translation></message>
    <message><source>Show &amp;hidden files</source><translation>Hiện tệp &amp;ẩn</translation></message>
    <message><source>&amp;New Folder</source><translation>Thư mục &amp;mới</translation></message>
    <message><source>Show </source><translation>Hiện </translation></message>
    <message><source>All Files (*)</source><translation>Mọi tệp (*)</translation></message>
    <message><source>%1 already exists.
Do you want to replace it?</source><translation>%1 đã có.
Bạn có muốn thay thế không?</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Name</source><translation>Tên</translation></message>
    <message><source>Size</source><translation>Dung lượng</translation></message>
    <message><source>Type</source><comment>All other platforms</comment><translation>Loại</translation></message>
    <message><source>Date Modified</source><translation>Ngày sửa</translation></message>
    <message><source>Computer</source><translation>Máy tính</translation></message>
    <message><source>My Computer</source><translation>Máy tính</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Folder</source><translation>Thư mục</translation></message>
    <message><source>Drive</source><translation>Ổ đĩa</translation></message>
    <message><source>File</source><translation>Tệp</translation></message>
    <message><source>%1 File</source><translation>Tệp %1</translation></message>
</context>
<context>
    <name>QInputDialog</name>
    <message><source>Enter a value:</source><translation>Nhập giá trị:</translation></message>
</context>
<context>
    <name>QPrintDialog</name>
    <message><source>%1 already exists.
Do you want to overwrite it?</source><translation>%1 đã có.
Có ghi đè lên không?</translation></message>
    <message><source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source><translation>%1 không đúng cú pháp. Hãy dùng ',' để tách các trang và khoảng trang, '-' để ghi một khoảng, và các khoảng không được chồng lên nhau.</translation></message>
    <message><source>%1 is a directory.
Please choose a different file name.</source><translation>%1 là một thư mục.
Hãy chọn tên tệp khác.</translation></message>
    <message><source>&amp;Options &lt;&lt;</source><translation>&amp;Tùy chọn &lt;&lt;</translation></message>
    <message><source>&amp;Options &gt;&gt;</source><translation>&amp;Tùy chọn &gt;&gt;</translation></message>
    <message><source>&amp;Print</source><translation>&amp;In</translation></message>
    <message><source>All Pages</source><translation>Tất cả các trang</translation></message>
    <message><source>Bottom to Top, Left to Right</source><translation>Dưới lên trên, trái sang phải</translation></message>
    <message><source>Bottom to Top, Right to Left</source><translation>Dưới lên trên, phải sang trái</translation></message>
    <message><source>Duplex Settings Conflicts</source><translation>Thiết lập in hai mặt xung đột</translation></message>
    <message><source>Even Pages</source><translation>Trang chẵn</translation></message>
    <message><source>File %1 is not writable.
Please choose a different file name.</source><translation>Không ghi được tệp %1.
Hãy chọn tên tệp khác.</translation></message>
    <message><source>Invalid Pages Definition</source><translation>Khoảng trang không hợp lệ</translation></message>
    <message><source>Left to Right, Bottom to Top</source><translation>Trái sang phải, dưới lên trên</translation></message>
    <message><source>Left to Right, Top to Bottom</source><translation>Trái sang phải, trên xuống dưới</translation></message>
    <message><source>Local file</source><translation>Tệp trên máy</translation></message>
    <message><source>OK</source><translation>Đồng ý</translation></message>
    <message><source>Odd Pages</source><translation>Trang lẻ</translation></message>
    <message><source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source><translation>Không dùng được cùng lúc 'Số trang mỗi tờ' và 'Nhóm trang'.
Hãy tắt một trong hai.</translation></message>
    <message><source>Print</source><translation>In</translation></message>
    <message><source>Print To File ...</source><translation>In ra tệp…</translation></message>
    <message><source>Print to File (PDF)</source><translation>In ra tệp (PDF)</translation></message>
    <message><source>Right to Left, Bottom to Top</source><translation>Phải sang trái, dưới lên trên</translation></message>
    <message><source>Right to Left, Top to Bottom</source><translation>Phải sang trái, trên xuống dưới</translation></message>
    <message><source>The 'From' value cannot be greater than the 'To' value.</source><translation>Trang 'Từ' không được lớn hơn trang 'Đến'.</translation></message>
    <message><source>There are conflicts in duplex settings. Do you want to fix them?</source><translation>Thiết lập in hai mặt đang xung đột. Có sửa không?</translation></message>
    <message><source>Top to Bottom, Left to Right</source><translation>Trên xuống dưới, trái sang phải</translation></message>
    <message><source>Top to Bottom, Right to Left</source><translation>Trên xuống dưới, phải sang trái</translation></message>
    <message><source>Write PDF file</source><translation>Ghi tệp PDF</translation></message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message><source>Collate</source><translation>Xếp theo bộ</translation></message>
    <message><source>Color</source><translation>Màu</translation></message>
    <message><source>Color Mode</source><translation>Chế độ màu</translation></message>
    <message><source>Copies</source><translation>Số bản</translation></message>
    <message><source>Copies:</source><translation>Số bản:</translation></message>
    <message><source>Current Page</source><translation>Trang hiện tại</translation></message>
    <message><source>Double Sided Printing</source><translation>In hai mặt</translation></message>
    <message><source>Form</source><translation>Biểu mẫu</translation></message>
    <message><source>Grayscale</source><translation>Thang xám</translation></message>
    <message><source>Long side binding</source><translation>Đóng gáy cạnh dài</translation></message>
    <message><source>Off</source><translation>Tắt</translation></message>
    <message><source>Options</source><translation>Tùy chọn</translation></message>
    <message><source>Output Settings</source><translation>Thiết lập in</translation></message>
    <message><source>Page Set:</source><translation>Nhóm trang:</translation></message>
    <message><source>Pages</source><translation>Trang</translation></message>
    <message><source>Pages from</source><translation>Trang từ</translation></message>
    <message><source>Print all</source><translation>In tất cả</translation></message>
    <message><source>Print range</source><translation>Phạm vi in</translation></message>
    <message><source>Reverse</source><translation>In ngược thứ tự</translation></message>
    <message><source>Selection</source><translation>Phần chọn</translation></message>
    <message><source>Short side binding</source><translation>Đóng gáy cạnh ngắn</translation></message>
    <message><source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source><translation>Ghi các trang hoặc khoảng trang, cách nhau bằng dấu phẩy; một khoảng là hai số nối bằng dấu gạch. Ví dụ: 3,5-7,9 in các trang 3, 5, 6, 7 và 9.</translation></message>
    <message><source>to</source><translation>đến</translation></message>
</context>
<context>
    <name>QPrintWidget</name>
    <message><source>&amp;Name:</source><translation>&amp;Tên:</translation></message>
    <message><source>...</source><translation>…</translation></message>
    <message><source>Form</source><translation>Biểu mẫu</translation></message>
    <message><source>Location:</source><translation>Vị trí:</translation></message>
    <message><source>Output &amp;file:</source><translation>&amp;Tệp kết quả:</translation></message>
    <message><source>P&amp;roperties</source><translation>&amp;Thuộc tính</translation></message>
    <message><source>Preview</source><translation>Xem trước</translation></message>
    <message><source>Printer</source><translation>Máy in</translation></message>
    <message><source>Type:</source><translation>Loại:</translation></message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message><source>Advanced Option Conflicts</source><translation>Tùy chọn nâng cao xung đột</translation></message>
    <message><source>Job Options</source><translation>Tùy chọn lệnh in</translation></message>
    <message><source>Page Setup Conflicts</source><translation>Thiết lập trang xung đột</translation></message>
    <message><source>Printer Properties</source><translation>Thuộc tính máy in</translation></message>
    <message><source>There are conflicts in page setup options. Do you want to fix them?</source><translation>Thiết lập trang đang xung đột. Có sửa không?</translation></message>
    <message><source>There are conflicts in some advanced options. Do you want to fix them?</source><translation>Một số tùy chọn nâng cao đang xung đột. Có sửa không?</translation></message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message><source>Advanced</source><translation>Nâng cao</translation></message>
    <message><source>Form</source><translation>Biểu mẫu</translation></message>
    <message><source>Page</source><translation>Trang</translation></message>
    <message><source>There are conflicts in some options. Please fix them.</source><translation>Một số tùy chọn đang xung đột. Hãy sửa lại.</translation></message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message><source>Custom</source><translation>Tùy chỉnh</translation></message>
    <message><source>Form</source><translation>Biểu mẫu</translation></message>
    <message><source>Height:</source><translation>Cao:</translation></message>
    <message><source>Inches (in)</source><translation>Inch (in)</translation></message>
    <message><source>Landscape</source><translation>Ngang</translation></message>
    <message><source>Margins</source><translation>Lề</translation></message>
    <message><source>Millimeters (mm)</source><translation>Milimét (mm)</translation></message>
    <message><source>Orientation</source><translation>Hướng giấy</translation></message>
    <message><source>Page Layout</source><translation>Bố cục trang</translation></message>
    <message><source>Page order:</source><translation>Thứ tự trang:</translation></message>
    <message><source>Page size:</source><translation>Khổ giấy:</translation></message>
    <message><source>Pages per sheet:</source><translation>Số trang mỗi tờ:</translation></message>
    <message><source>Paper</source><translation>Giấy</translation></message>
    <message><source>Paper source:</source><translation>Khay giấy:</translation></message>
    <message><source>Points (pt)</source><translation>Điểm (pt)</translation></message>
    <message><source>Portrait</source><translation>Dọc</translation></message>
    <message><source>Reverse landscape</source><translation>Ngang ngược</translation></message>
    <message><source>Reverse portrait</source><translation>Dọc ngược</translation></message>
    <message><source>Width:</source><translation>Rộng:</translation></message>
    <message><source>bottom margin</source><translation>lề dưới</translation></message>
    <message><source>left margin</source><translation>lề trái</translation></message>
    <message><source>right margin</source><translation>lề phải</translation></message>
    <message><source>top margin</source><translation>lề trên</translation></message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message><source>Banner Pages</source><translation>Trang bìa lệnh in</translation></message>
    <message><source>Billing information:</source><translation>Thông tin thanh toán:</translation></message>
    <message><source>End:</source><translation>Cuối:</translation></message>
    <message><source>Hold Indefinitely</source><translation>Giữ lại</translation></message>
    <message><source>Job</source><translation>Lệnh in</translation></message>
    <message><source>Job Control</source><translation>Điều khiển lệnh in</translation></message>
    <message><source>Job priority:</source><translation>Độ ưu tiên:</translation></message>
    <message><source>None</source><translation>Không có</translation></message>
    <message><source>Print Immediately</source><translation>In ngay</translation></message>
    <message><source>Scheduled printing:</source><translation>Hẹn giờ in:</translation></message>
    <message><source>Specific Time</source><translation>Vào giờ định sẵn</translation></message>
    <message><source>Start:</source><translation>Đầu:</translation></message>
    <message><source>Standard</source><translation>Chuẩn</translation></message>
</context>
<context>
    <name>QCupsPrinterSupport</name>
    <message><source>Authentication Needed</source><translation>Cần xác thực</translation></message>
    <message><source>Authentication needed to use %1 on %2.</source><translation>Cần xác thực để dùng %1 trên %2.</translation></message>
    <message><source>Authentication needed to use %1.</source><translation>Cần xác thực để dùng %1.</translation></message>
    <message><source>Password:</source><translation>Mật khẩu:</translation></message>
    <message><source>Username:</source><translation>Tên người dùng:</translation></message>
</context>
<context>
    <name>Print Device Input Slot</name>
    <message><source>Automatic</source><translation>Tự động</translation></message>
</context>
<context>
    <name>Print Device Output Bin</name>
    <message><source>Automatic</source><translation>Tự động</translation></message>
</context>
</TS>
